package com.voicecore.domain.model.spam;

/**
 * Where the score turns into an action, and when the velocity and platform-list signals count.
 *
 * @param challengeAt           score from which a caller must pass the challenge (1..100)
 * @param blockAt               score from which a call is rejected (challengeAt..100)
 * @param velocityCallsPerWindow earlier calls from one number, within the window, that make it a burst
 * @param platformReportsToList  other tenants' reports that put a number on the platform list
 */
public record SpamThresholds(int challengeAt, int blockAt, int velocityCallsPerWindow, int platformReportsToList) {

    public SpamThresholds {
        // a threshold of 0 would challenge or block every call, which no one means to configure
        if (challengeAt < 1 || challengeAt > SpamVerdict.MAX_SCORE) {
            throw new IllegalArgumentException("The challenge threshold is a score from 1 to 100");
        }
        if (blockAt < challengeAt || blockAt > SpamVerdict.MAX_SCORE) {
            throw new IllegalArgumentException("The block threshold is a score from the challenge threshold to 100");
        }
        if (velocityCallsPerWindow < 1) {
            throw new IllegalArgumentException("The velocity threshold is at least one call");
        }
        if (platformReportsToList < 1) {
            throw new IllegalArgumentException("The platform list needs at least one report");
        }
    }

    /**
     * Challenge at 40 (one strong signal, e.g. failed STIR/SHAKEN), block at 70 (strong signals
     * agreeing); 5 earlier calls in the window is a burst; 3 other tenants' reports list a number.
     */
    public static SpamThresholds defaults() {
        return new SpamThresholds(40, 70, 5, 3);
    }

    /** The action the score alone calls for. */
    public SpamAction actionFor(int score) {
        if (score >= blockAt) {
            return SpamAction.BLOCK;
        }
        return score >= challengeAt ? SpamAction.CHALLENGE : SpamAction.ALLOW;
    }
}
