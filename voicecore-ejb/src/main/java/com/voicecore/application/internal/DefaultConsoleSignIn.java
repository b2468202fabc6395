package com.voicecore.application.internal;

import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.console.ConsoleAccountService;
import com.voicecore.application.console.ConsoleAccess;
import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleSignIn;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** The action a sign-in is recorded under in the audit log. */
    public static final String SIGNED_IN = "console.signed-in";

    @Inject
    ConsoleAccountService accounts;

    @Inject
    AdminAuditService audit;

    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.enabled", defaultValue = "false")
    boolean singleSignOn;

    /** The company whose users sign in through the identity provider (domain or id). */
    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.tenant")
    Optional<String> singleSignOnTenant;

    public DefaultConsoleSignIn() {
    }

    DefaultConsoleSignIn(ConsoleAccountService accounts, AdminAuditService audit) {
        this(accounts, audit, false, Optional.empty());
    }

    DefaultConsoleSignIn(ConsoleAccountService accounts, AdminAuditService audit, boolean singleSignOn, Optional<String> singleSignOnTenant) {
        this.accounts = accounts;
        this.audit = audit;
        this.singleSignOn = singleSignOn;
        this.singleSignOnTenant = singleSignOnTenant;
    }

    @Override
    public Optional<ConsoleIdentity> signIn(String tenantReference, String email, char[] password) {
        if (email == null || email.isBlank() || email.length() > 254 || password == null || password.length == 0
                || password.length > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        if (tenantReference == null || tenantReference.isBlank()) {
            Optional<ConsoleIdentity> admin = accounts.verifyPlatformAdmin(email, password);
            admin.ifPresent(a -> audit.recordPlatformAction(a.email(), SIGNED_IN, null, ""));
            return admin;
        }
        Optional<UUID> tenant = accounts.resolveTenant(tenantReference);
        if (tenant.isEmpty() || signsInThroughItsProvider(tenant.get())) {
            accounts.spendPasswordCheck(password);
            return Optional.empty();
        }
        return TenantContext.callAs(tenant.get(), () -> {
            Optional<ConsoleIdentity> user = accounts.verifyTenantUser(tenant.get(), email, password);
            user.ifPresent(u -> audit.recordTenantAction(u.email(), SIGNED_IN, null, ""));
            return user;
        });
    }

    @Override
    public Optional<ConsoleIdentity> singleSignOn(String tenantReference, String email) {
        if (tenantReference == null || tenantReference.isBlank() || email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return accounts.resolveTenant(tenantReference).flatMap(tenant -> TenantContext.callAs(tenant, () -> {
            Optional<ConsoleIdentity> user = accounts.findTenantUser(tenant, email);
            user.ifPresent(u -> audit.recordTenantAction(u.email(), SIGNED_IN, null, "single sign-on"));
            return user;
        }));
    }

    /**
     * With single sign-on on, the company that signs in through its identity provider has no password sign-in:
     * the provider's rules (second factor, leavers switched off) would otherwise be one form away.
     */
    private boolean signsInThroughItsProvider(UUID tenant) {
        return singleSignOn && singleSignOnTenant.filter(t -> !t.isBlank()).flatMap(accounts::resolveTenant)
                .map(tenant::equals).orElse(false);
    }

    @Override
    public ConsoleAccess access(ConsoleIdentity identity) {
        if (identity.isPlatformAdmin()) {
            return ConsoleAccess.GRANTED;
        }
        return TenantContext.callAs(identity.tenantId(), () -> accounts.access(identity));
    }
}
