package com.voicecore.domain.model.spam;

/** What to do with a call, from mildest to harshest: the order matters (see {@link #atLeast}). */
public enum SpamAction {
    /** Connect the call. */
    ALLOW,
    /** Ask the caller to press a random digit first (a voice CAPTCHA robodialers fail). */
    CHALLENGE,
    /** Reject the call. */
    BLOCK;

    /** The harsher of the two: rules and thresholds only ever raise the action. */
    public SpamAction atLeast(SpamAction other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
