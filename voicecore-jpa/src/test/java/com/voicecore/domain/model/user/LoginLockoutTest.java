package com.voicecore.domain.model.user;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The one lockout rule: five wrong passwords in a row lock the account for 15 minutes. */
class LoginLockoutTest {

    static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    static final LoginLockout RULE = LoginLockout.STANDARD;

    @Test
    void fourWrongPasswordsDoNotLockTheFifthLocksForFifteenMinutes() {
        LoginLockout.State s = LoginLockout.State.CLEAN;
        for (int i = 1; i <= 4; i++) {
            s = RULE.afterFailure(s, T0.plusSeconds(i));
            assertFalse(s.isLocked(T0.plusSeconds(i)), "not locked after " + i);
            assertEquals(i, s.failedLogins());
        }
        s = RULE.afterFailure(s, T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(15)), s.lockedUntil());
        assertTrue(s.isLocked(T0.plusSeconds(5)));
        assertTrue(s.isLocked(T0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1)), "still locked a moment before 15 minutes");
        assertFalse(s.isLocked(T0.plusSeconds(5).plus(Duration.ofMinutes(15))), "open again after exactly 15 minutes");
    }

    @Test
    void attemptsDuringALockNeitherCountNorExtendIt() {
        LoginLockout.State locked = new LoginLockout.State(0, T0.plus(Duration.ofMinutes(15)));
        LoginLockout.State after = RULE.afterFailure(locked, T0.plus(Duration.ofMinutes(10)));
        assertEquals(locked, after);
    }

    @Test
    void afterAnExpiredLockCountingStartsAgainFromOne() {
        LoginLockout.State expired = new LoginLockout.State(0, T0);
        LoginLockout.State next = RULE.afterFailure(expired, T0.plusSeconds(1));
        assertEquals(1, next.failedLogins());
        assertNull(next.lockedUntil());
    }

    @Test
    void aSuccessClearsFailuresAndLock() {
        assertEquals(LoginLockout.State.CLEAN, RULE.afterSuccess());
    }

    @Test
    void tenantUsersAndPlatformAdminsFollowTheRule() {
        TenantUser user = new TenantUser(new com.voicecore.domain.model.shared.EmailAddress("a@example.com"), "A",
                "PBKDF2WithHmacSHA512:1000:x:y", UserRole.AGENT);
        PlatformAdmin admin = new PlatformAdmin(java.util.UUID.randomUUID(), "p@example.com", "P", "PBKDF2WithHmacSHA512:1000:x:y",
                LoginLockout.State.CLEAN);
        for (int i = 0; i < 5; i++) {
            user.recordFailedLogin(T0, RULE);
            admin.recordFailedLogin(T0, RULE);
        }
        assertTrue(user.isLocked(T0.plus(Duration.ofMinutes(14))));
        assertTrue(admin.isLocked(T0.plus(Duration.ofMinutes(14))));
        user.recordSuccessfulLogin();
        admin.recordSuccessfulLogin();
        assertFalse(user.isLocked(T0));
        assertEquals(0, user.failedLogins());
        assertEquals(LoginLockout.State.CLEAN, admin.loginState());
    }

    @Test
    void aRuleNeedsAPositiveLimitAndLock() {
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout.State(-1, null));
    }

    /**
     * Any sequence of attempts (true = right password, false = wrong; gaps in minutes): an account is
     * locked exactly when, since the last success or lock expiry, five wrong passwords came in a row;
     * and a right password is never accepted while locked. Checked against a plain model of the rule.
     */
    @Test
    void anySequenceOfAttemptsLocksExactlyAfterFiveWrongInARowAndRefusesTheRightPasswordWhileLocked() {
        qt().withExamples(300).forAll(lists().of(integers().between(-20, 20)).ofSizeBetween(1, 40)).checkAssert(attempts -> {
            LoginLockout.State state = LoginLockout.State.CLEAN;
            Instant now = T0;
            int modelFailures = 0;
            Instant modelLockedUntil = null;
            for (int a : attempts) {
                now = now.plus(Duration.ofMinutes(Math.abs(a) % 7)); // 0..6 minutes between attempts
                boolean right = a > 0;
                boolean modelLocked = modelLockedUntil != null && modelLockedUntil.isAfter(now);
                assertEquals(modelLocked, state.isLocked(now));
                if (modelLocked) {
                    continue; // refused, right password or not; the rule is not even consulted
                }
                if (modelLockedUntil != null) { // the lock has passed
                    modelLockedUntil = null;
                    modelFailures = 0;
                }
                if (right) {
                    state = RULE.afterSuccess();
                    modelFailures = 0;
                } else {
                    state = RULE.afterFailure(state, now);
                    modelFailures++;
                    if (modelFailures == 5) {
                        modelLockedUntil = now.plus(Duration.ofMinutes(15));
                        modelFailures = 0;
                    }
                }
                assertEquals(modelLockedUntil, state.lockedUntil());
                assertEquals(modelFailures, state.failedLogins());
            }
        });
    }
}
