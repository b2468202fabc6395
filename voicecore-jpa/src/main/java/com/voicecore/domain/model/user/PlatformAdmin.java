package com.voicecore.domain.model.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone who runs the platform from the console. Belongs to no tenant, so it is no JPA entity: it
 * lives behind the platform path ({@link PlatformAdminRepository}). Only a PBKDF2 hash is kept, and
 * sign-in follows the same {@link LoginLockout} as a tenant's users.
 */
public final class PlatformAdmin {

    private final UUID id;
    private final String email;
    private final String displayName;
    private final String passwordHash;
    private LoginLockout.State state;

    public PlatformAdmin(UUID id, String email, String displayName, String passwordHash, LoginLockout.State state) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.state = Objects.requireNonNull(state, "state");
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public LoginLockout.State loginState() {
        return state;
    }

    public boolean isLocked(Instant now) {
        return state.isLocked(now);
    }

    public void recordFailedLogin(Instant now, LoginLockout rule) {
        state = rule.afterFailure(state, now);
    }

    public void recordSuccessfulLogin() {
        state = LoginLockout.State.CLEAN;
    }
}
