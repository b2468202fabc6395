package com.voicecore.application.internal;

import com.voicecore.application.console.ConsoleAccountService;
import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleSignIn;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * Not a transaction itself: the tenant is resolved first (no tenant), then the password is checked in
 * a transaction of that tenant, so row-level security confines the user look-up to it, as for every
 * other entry point.
 */
@ApplicationScoped
public class DefaultConsoleSignIn implements ConsoleSignIn {

    /** Longer is no password anyone types; refused before PBKDF2 spends time on it. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    @Inject
    ConsoleAccountService accounts;

    public DefaultConsoleSignIn() {
    }

    DefaultConsoleSignIn(ConsoleAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<ConsoleIdentity> signIn(String tenantReference, String email, char[] password) {
        if (email == null || email.isBlank() || email.length() > 254 || password == null || password.length == 0
                || password.length > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        if (tenantReference == null || tenantReference.isBlank()) {
            return accounts.verifyPlatformAdmin(email, password);
        }
        Optional<UUID> tenant = accounts.resolveTenant(tenantReference);
        if (tenant.isEmpty()) {
            accounts.spendPasswordCheck(password);
            return Optional.empty();
        }
        return TenantContext.callAs(tenant.get(), () -> accounts.verifyTenantUser(tenant.get(), email, password));
    }

    @Override
    public Optional<ConsoleIdentity> federated(String tenantReference, String email, String callerName) {
        if (tenantReference == null || tenantReference.isBlank() || email == null || email.isBlank()) {
            return Optional.empty();
        }
        return accounts.resolveTenant(tenantReference)
                .flatMap(tenant -> TenantContext.callAs(tenant, () -> accounts.findTenantUser(tenant, email)))
                .map(identity -> identity.knownAs(callerName));
    }
}
