package com.voicecore.application.internal;

import com.voicecore.application.console.ConsoleAccountService;
import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleRole;
import com.voicecore.infrastructure.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in use case: which check runs, in which tenant, and that every failure costs a password check. */
class DefaultConsoleSignInTest {

    static final UUID TENANT = UUID.randomUUID();

    final Accounts accounts = new Accounts();
    final List<String> audited = new ArrayList<>();
    final DefaultConsoleSignIn signIn = new DefaultConsoleSignIn(accounts, new com.voicecore.application.console.AdminAuditService() {
        @Override
        public void recordTenantAction(String actor, String action, String subject, String detail) {
            audited.add("tenant " + TenantContext.current().orElse(null) + " " + actor + " " + action);
        }

        @Override
        public void recordPlatformAction(String actor, String action, UUID subjectTenant, String detail) {
            audited.add("platform " + actor + " " + action);
        }

        @Override
        public List<Entry> tenantLog(int limit, int offset) {
            return List.of();
        }

        @Override
        public Entry tenantEntry(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Entry> platformLog(int limit, int offset) {
            return List.of();
        }
    });

    @AfterEach
    void noContextLeft() {
        assertTrue(TenantContext.current().isEmpty(), "the sign-in leaves no tenant context behind");
    }

    @Test
    void aTenantUserIsCheckedInsideTheResolvedTenantsContext() {
        Optional<ConsoleIdentity> who = signIn.signIn("acme.example", "ann@acme.example", "right".toCharArray());
        assertTrue(who.isPresent());
        assertEquals(TENANT, who.get().tenantId());
        assertEquals(List.of("resolve acme.example", "tenant " + TENANT + " in " + TENANT), accounts.calls);
        assertEquals(List.of("tenant " + TENANT + " ann@acme.example console.signed-in"), audited, "recorded in the tenant's log");
        assertTrue(signIn.signIn("acme.example", "ann@acme.example", "wrong".toCharArray()).isEmpty());
        assertEquals(1, audited.size(), "a failure is no admin action");
    }

    @Test
    void anUnknownOrSuspendedTenantFailsAfterTheSamePasswordWork() {
        assertTrue(signIn.signIn("nobody.example", "ann@acme.example", "right".toCharArray()).isEmpty());
        assertEquals(List.of("resolve nobody.example", "spend"), accounts.calls);
    }

    @Test
    void anEmptyOrganisationMeansAPlatformAdmin() {
        Optional<ConsoleIdentity> who = signIn.signIn("  ", "ops@platform.example", "right".toCharArray());
        assertTrue(who.isPresent());
        assertTrue(who.get().isPlatformAdmin());
        assertEquals(List.of("platform"), accounts.calls);
        assertEquals(List.of("platform ops@platform.example console.signed-in"), audited);
    }

    @Test
    void missingOrOversizedInputIsRefusedWithoutTouchingAccounts() {
        assertTrue(signIn.signIn("acme.example", "", "x".toCharArray()).isEmpty());
        assertTrue(signIn.signIn("acme.example", "ann@acme.example", new char[0]).isEmpty());
        assertTrue(signIn.signIn("acme.example", "ann@acme.example", new char[1025]).isEmpty());
        assertTrue(signIn.signIn("acme.example", "a".repeat(255), "x".toCharArray()).isEmpty());
        assertTrue(accounts.calls.isEmpty());
    }

    @Test
    void singleSignOnFindsTheTenantsUserInItsContextUnderTheFormsCallerNameAndAuditsIt() {
        Optional<ConsoleIdentity> who = signIn.singleSignOn("acme.example", "Ann@Acme.example");
        assertTrue(who.isPresent());
        assertEquals("tenant:" + TENANT + ":" + who.get().userId(), who.get().principalName(), "the same caller name as the form gives");
        assertEquals(List.of("resolve acme.example", "find " + TENANT + " in " + TENANT), accounts.calls);
        assertEquals(List.of("tenant " + TENANT + " Ann@Acme.example console.signed-in"), audited);
        assertFalse(signIn.singleSignOn("", "ann@acme.example").isPresent());
        assertFalse(signIn.singleSignOn("acme.example", "").isPresent());
        assertFalse(signIn.singleSignOn("nobody.example", "ann@acme.example").isPresent());
        assertEquals(1, audited.size(), "nobody found, nothing recorded");
    }

    @Test
    void withSingleSignOnOnThatCompanysUsersHaveNoPasswordSignInButOtherCompaniesAndPlatformAdminsKeepTheirs() {
        DefaultConsoleSignIn sso = new DefaultConsoleSignIn(accounts, signIn.audit, true, Optional.of("acme.example"));
        assertTrue(sso.signIn("acme.example", "ann@acme.example", "right".toCharArray()).isEmpty(), "the right password, refused");
        assertTrue(accounts.calls.contains("spend"), "refused after the same password work as any failure");
        assertFalse(accounts.calls.stream().anyMatch(c -> c.startsWith("tenant ")), "the password was never checked");
        assertTrue(sso.signIn("  ", "ops@platform.example", "right".toCharArray()).isPresent(), "platform admins use the form");
        DefaultConsoleSignIn otherCompany = new DefaultConsoleSignIn(accounts, signIn.audit, true, Optional.of("other.example"));
        assertTrue(otherCompany.signIn("acme.example", "ann@acme.example", "right".toCharArray()).isPresent(),
                "a company that does not sign in through the provider keeps its form");
        DefaultConsoleSignIn off = new DefaultConsoleSignIn(accounts, signIn.audit, false, Optional.of("acme.example"));
        assertTrue(off.signIn("acme.example", "ann@acme.example", "right".toCharArray()).isPresent(), "switched off: the form as before");
    }

    @Test
    void rolesNestAndAPlatformAdminHasNoTenant() {
        assertEquals(EnumSet.of(ConsoleRole.TENANT_ADMIN, ConsoleRole.SUPERVISOR, ConsoleRole.AGENT),
                ConsoleRole.of(com.voicecore.domain.model.user.UserRole.TENANT_ADMIN));
        assertEquals(EnumSet.of(ConsoleRole.AGENT), ConsoleRole.of(com.voicecore.domain.model.user.UserRole.AGENT));
        ConsoleIdentity admin = ConsoleIdentity.platformAdmin(UUID.randomUUID(), "o@p.example", "O");
        assertEquals(java.util.Set.of("platform-admin"), admin.groups());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ConsoleIdentity("x", null, null,
                UUID.randomUUID(), "a@b.c", "A", EnumSet.of(ConsoleRole.AGENT)));
    }

    @Test
    void aSessionsAccessIsCheckedInItsOwnTenantAndPlatformAdminsAreNotLookedUp() {
        Accounts accounts = new Accounts();
        DefaultConsoleSignIn signIn = new DefaultConsoleSignIn(accounts, null);
        ConsoleIdentity user = ConsoleIdentity.tenantUser(TENANT, "Acme", UUID.randomUUID(), "a@acme.example", "Ann",
                ConsoleRole.of(com.voicecore.domain.model.user.UserRole.AGENT));
        assertEquals(com.voicecore.application.console.ConsoleAccess.ROLE_CHANGED, signIn.access(user));
        assertEquals(List.of("access " + TENANT + " in " + TENANT), accounts.calls, "looked up inside the user's own tenant");
        assertTrue(TenantContext.current().isEmpty(), "the tenant context is cleared afterwards");
        assertEquals(com.voicecore.application.console.ConsoleAccess.GRANTED,
                signIn.access(ConsoleIdentity.platformAdmin(UUID.randomUUID(), "o@p.example", "O")));
        assertEquals(1, accounts.calls.size());
        assertEquals(Optional.of(com.voicecore.application.console.ConsoleAccess.TENANT_SUSPENDED),
                com.voicecore.application.console.ConsoleAccess.ofReason("tenant-suspended"));
        assertTrue(com.voicecore.application.console.ConsoleAccess.ofReason("granted").isEmpty(), "no page says 'granted'");
        assertTrue(com.voicecore.application.console.ConsoleAccess.ofReason("<script>").isEmpty());
    }

    /** Answers as the real service would for one tenant (acme.example) with one right password ("right"). */
    static final class Accounts implements ConsoleAccountService {
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<UUID> resolveTenant(String reference) {
            calls.add("resolve " + reference);
            return "acme.example".equals(reference) ? Optional.of(TENANT) : Optional.empty();
        }

        @Override
        public Optional<ConsoleIdentity> verifyTenantUser(UUID tenantId, String email, char[] password) {
            calls.add("tenant " + tenantId + " in " + TenantContext.current().orElse(null));
            return "right".equals(new String(password))
                    ? Optional.of(ConsoleIdentity.tenantUser(tenantId, "Acme", UUID.randomUUID(), email, "Ann",
                    ConsoleRole.of(com.voicecore.domain.model.user.UserRole.TENANT_ADMIN)))
                    : Optional.empty();
        }

        @Override
        public Optional<ConsoleIdentity> findTenantUser(UUID tenantId, String email) {
            calls.add("find " + tenantId + " in " + TenantContext.current().orElse(null));
            return Optional.of(ConsoleIdentity.tenantUser(tenantId, "Acme", UUID.randomUUID(), email, "Ann",
                    ConsoleRole.of(com.voicecore.domain.model.user.UserRole.AGENT)));
        }

        @Override
        public Optional<ConsoleIdentity> verifyPlatformAdmin(String email, char[] password) {
            calls.add("platform");
            return "right".equals(new String(password))
                    ? Optional.of(ConsoleIdentity.platformAdmin(UUID.randomUUID(), email, "Ops")) : Optional.empty();
        }

        @Override
        public com.voicecore.application.console.ConsoleAccess access(ConsoleIdentity identity) {
            calls.add("access " + identity.tenantId() + " in " + TenantContext.current().orElse(null));
            return com.voicecore.application.console.ConsoleAccess.ROLE_CHANGED;
        }

        @Override
        public void spendPasswordCheck(char[] password) {
            calls.add("spend");
        }

        @Override
        public NewPlatformAdmin addPlatformAdmin(String email, String displayName) {
            throw new UnsupportedOperationException();
        }
    }
}
