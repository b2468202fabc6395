package com.voicecore.application.internal;

import com.voicecore.application.console.ConsoleAccess;
import com.voicecore.application.console.ConsoleAccountService;
import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleRole;
import com.voicecore.domain.model.registry.TenantRegistry;
import com.voicecore.domain.model.user.LoginLockout;
import com.voicecore.domain.model.user.PlatformAdmin;
import com.voicecore.domain.model.user.PlatformAdminRepository;
import com.voicecore.domain.model.user.TenantUser;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.infrastructure.security.PasswordHasher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultConsoleAccountService implements ConsoleAccountService {

    @Inject
    TenantRegistry registry;

    @Inject
    PlatformAdminRepository admins;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    /** Verified against when there is no account to check, so every failure costs one PBKDF2 derivation. */
    private static volatile String decoyHash;

    @Override
    public Optional<UUID> resolveTenant(String reference) {
        return registry.resolveForSignIn(reference);
    }

    @Override
    public Optional<ConsoleIdentity> verifyTenantUser(UUID tenantId, String email, char[] password) {
        if (!TenantContext.current().map(tenantId::equals).orElse(false)) {
            throw new IllegalStateException("A tenant user's sign-in runs in that tenant's context");
        }
        Instant now = clock.instant();
        Optional<TenantUser> found = user(email);
        if (found.isEmpty() || found.get().isLocked(now)) {
            spendPasswordCheck(password);
            return Optional.empty();
        }
        TenantUser user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            user.recordFailedLogin(now, LoginLockout.STANDARD);
            return Optional.empty();
        }
        user.recordSuccessfulLogin();
        return Optional.of(identity(tenantId, user));
    }

    @Override
    public Optional<ConsoleIdentity> findTenantUser(UUID tenantId, String email) {
        if (!TenantContext.current().map(tenantId::equals).orElse(false)) {
            throw new IllegalStateException("A tenant user's look-up runs in that tenant's context");
        }
        return user(email).map(u -> identity(tenantId, u));
    }

    private Optional<TenantUser> user(String email) {
        return em.createNamedQuery("TenantUser.findByEmail", TenantUser.class)
                .setParameter("email", normalise(email))
                .getResultStream().findFirst();
    }

    private ConsoleIdentity identity(UUID tenantId, TenantUser user) {
        String tenantName = (String) em.createNativeQuery("select name from tenants where id = ?1") // RLS: its own row only
                .setParameter(1, tenantId).getSingleResult();
        return ConsoleIdentity.tenantUser(tenantId, tenantName, user.id(), user.email().value(), user.displayName(),
                ConsoleRole.of(user.role()));
    }

    @Override
    public ConsoleAccess access(ConsoleIdentity identity) {
        if (identity.isPlatformAdmin()) {
            return ConsoleAccess.GRANTED;
        }
        if (!TenantContext.current().map(identity.tenantId()::equals).orElse(false)) {
            throw new IllegalStateException("A tenant user's access is checked in that tenant's context");
        }
        // RLS shows the tenant its own registry row whatever its status; a deleted tenant has none
        List<?> rows = em.createNativeQuery("select t.status, (select u.role from tenant_users u where u.id = ?2) from tenants t where t.id = ?1")
                .setParameter(1, identity.tenantId()).setParameter(2, identity.userId()).getResultList();
        if (rows.isEmpty() || !"active".equals(((Object[]) rows.get(0))[0])) {
            return ConsoleAccess.TENANT_SUSPENDED;
        }
        Object role = ((Object[]) rows.get(0))[1];
        if (role == null) {
            return ConsoleAccess.ACCOUNT_REMOVED;
        }
        return ConsoleRole.of(UserRole.fromCode(role.toString())).equals(identity.roles()) ? ConsoleAccess.GRANTED : ConsoleAccess.ROLE_CHANGED;
    }

    @Override
    public Optional<ConsoleIdentity> verifyPlatformAdmin(String email, char[] password) {
        Instant now = clock.instant();
        Optional<PlatformAdmin> found = admins.findByEmail(normalise(email));
        if (found.isEmpty() || found.get().isLocked(now)) {
            spendPasswordCheck(password);
            return Optional.empty();
        }
        PlatformAdmin admin = found.get();
        if (!hasher.verify(password, admin.passwordHash())) {
            admin.recordFailedLogin(now, LoginLockout.STANDARD);
            admins.saveLoginState(admin);
            return Optional.empty();
        }
        if (!admin.loginState().equals(LoginLockout.State.CLEAN)) {
            admin.recordSuccessfulLogin();
            admins.saveLoginState(admin);
        }
        return Optional.of(ConsoleIdentity.platformAdmin(admin.id(), admin.email(), admin.displayName()));
    }

    @Override
    public void spendPasswordCheck(char[] password) {
        String d = decoyHash;
        if (d == null) {
            d = hasher.hash(hasher.generatePassword().toCharArray());
            decoyHash = d;
        }
        hasher.verify(password, d);
    }

    @Override
    public NewPlatformAdmin addPlatformAdmin(String email, String displayName) {
        String password = hasher.generatePassword();
        String normalised = normalise(email);
        UUID id = admins.add(normalised, displayName.strip(), hasher.hash(password.toCharArray()));
        return new NewPlatformAdmin(id, normalised, password);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
