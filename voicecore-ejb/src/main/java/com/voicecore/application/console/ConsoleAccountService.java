package com.voicecore.application.console;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

/**
 * Password checks for the console, one transaction each, with the {@code LoginLockout} rule: every
 * wrong password is counted in its own committed transaction, whatever happens afterwards.
 * Every failure is the same empty answer, so the sign-in page cannot tell an unknown user, a wrong
 * password, a lock or a suspended tenant apart.
 */
public interface ConsoleAccountService {

    /** The active tenant named by domain or id (no tenant context needed). */
    Optional<UUID> resolveTenant(String reference);

    /** Checks a tenant user's password; runs in that tenant's context (the caller sets it). */
    Optional<ConsoleIdentity> verifyTenantUser(UUID tenantId, String email, char[] password);

    /** A tenant user by e-mail, without a password (single sign-on); runs in that tenant's context. */
    Optional<ConsoleIdentity> findTenantUser(UUID tenantId, String email);

    /**
     * Whether a signed-in tenant user may still act (tenant active, account there, same role), in one
     * query; runs in that tenant's context. Platform admins are always granted (they cannot be removed).
     */
    ConsoleAccess access(ConsoleIdentity identity);

    /** Checks a platform admin's password. */
    Optional<ConsoleIdentity> verifyPlatformAdmin(String email, char[] password);

    /** Costs what a password check costs, so a sign-in that fails early is not faster than one that fails late. */
    void spendPasswordCheck(char[] password);

    /** Adds a platform admin with a generated password, answered once. */
    NewPlatformAdmin addPlatformAdmin(@NotBlank(message = "An e-mail address is required")
                                      @Email(message = "That is not an e-mail address")
                                      @Size(max = 254, message = "An e-mail address has at most 254 characters") String email,
                                      @NotBlank(message = "A name is required")
                                      @Size(max = 200, message = "A name has at most 200 characters") String displayName);

    record NewPlatformAdmin(UUID id, String email, String password) {
    }
}
