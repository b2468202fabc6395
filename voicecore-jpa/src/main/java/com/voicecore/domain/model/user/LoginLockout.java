package com.voicecore.domain.model.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one lockout rule for every password sign-in (the console, for tenant users and platform admins,
 * and the softphone's agent-login): {@link #STANDARD} locks an account for 15 minutes after five wrong
 * passwords in a row. While locked, every attempt is refused, the right password included, and does not
 * count; when the lock has passed the count starts again from zero.
 */
public record LoginLockout(int maxFailures, Duration lockFor) {

    public static final LoginLockout STANDARD = new LoginLockout(5, Duration.ofMinutes(15));

    public LoginLockout {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("At least one failure must be allowed");
        }
        if (Objects.requireNonNull(lockFor, "lockFor").isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("A lock lasts a positive time");
        }
    }

    /** The sign-in state of one account: failures in a row so far, and the lock, if any. */
    public record State(int failedLogins, Instant lockedUntil) {

        public static final State CLEAN = new State(0, null);

        public State {
            if (failedLogins < 0) {
                throw new IllegalArgumentException("failedLogins cannot be negative");
            }
        }

        public boolean isLocked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** After a wrong password: one more failure, and the lock once the limit is reached. */
    public State afterFailure(State state, Instant now) {
        if (state.isLocked(now)) {
            return state; // attempts during a lock neither count nor extend it
        }
        int failures = state.lockedUntil() != null ? 1 : state.failedLogins() + 1; // an expired lock starts afresh
        if (failures >= maxFailures) {
            return new State(0, now.plus(lockFor));
        }
        return new State(failures, null);
    }

    /** After the right password (only ever accepted while not locked). */
    public State afterSuccess() {
        return State.CLEAN;
    }
}
