package com.voicecore.domain.model.user;

import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** Someone who signs in to the console. Only a password hash is ever kept. */
@Entity
@Table(name = "tenant_users")
@NamedQuery(name = "TenantUser.findByEmail", query = "select u from TenantUser u where lower(u.email) = :email")
public class TenantUser extends TimestampedTenantEntity {

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "role", nullable = false, length = 20)
    private String role;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected TenantUser() {
    }

    public TenantUser(EmailAddress email, String displayName, String passwordHash, UserRole role) {
        this.email = Objects.requireNonNull(email, "email").value();
        this.displayName = Objects.requireNonNull(displayName, "displayName").strip();
        changePasswordHash(passwordHash);
        this.role = Objects.requireNonNull(role, "role").code();
    }

    /** What the user may do from now on (a console session opened before ends at its next request). */
    public void changeRole(UserRole newRole) {
        this.role = Objects.requireNonNull(newRole, "role").code();
    }

    /** The e-mail is the user's one identity: the console and the softphone sign in with the new one from now on. */
    public void changeEmail(EmailAddress newEmail) {
        this.email = Objects.requireNonNull(newEmail, "email").value();
    }

    public void changePasswordHash(String newHash) {
        if (newHash == null || !newHash.startsWith("PBKDF2WithHmac")) {
            throw new IllegalArgumentException("Only a PBKDF2 hash is stored");
        }
        this.passwordHash = newHash;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public UserRole role() {
        return UserRole.fromCode(role);
    }

    /** Whether sign-in is refused now (too many wrong passwords recently). */
    public boolean isLocked(Instant now) {
        return state().isLocked(now);
    }

    /** A wrong password, counted by the lockout rule (the lock is set once its limit is reached). */
    public void recordFailedLogin(Instant now, LoginLockout rule) {
        apply(rule.afterFailure(state(), now));
    }

    public void recordSuccessfulLogin() {
        apply(LoginLockout.State.CLEAN);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    private LoginLockout.State state() {
        return new LoginLockout.State(failedLogins, lockedUntil);
    }

    private void apply(LoginLockout.State state) {
        failedLogins = state.failedLogins();
        lockedUntil = state.lockedUntil();
    }

    public int failedLogins() {
        return failedLogins;
    }
}
