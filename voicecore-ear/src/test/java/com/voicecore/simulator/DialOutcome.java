package com.voicecore.simulator;

/**
 * What a {@code <Dial>} leads to, as scripted; the wire value is what Twilio posts as {@code DialCallStatus}.
 */
public enum DialOutcome {

    /**
     * The called party answers; after the talk time the <em>caller</em> hangs up, the usual end of a
     * forwarded call. Twilio still requests the Dial {@code action} (with {@code CallStatus=completed}) but runs
     * none of the TwiML it returns; without an action the call simply ends.
     */
    ANSWERED("completed"),

    /**
     * The called party answers and hangs up first: the caller is still on the line, so the Dial {@code action}'s
     * TwiML runs, or without an action the document continues after {@code <Dial>}.
     */
    ANSWERED_CALLEE_HANGS_UP("completed"),

    NO_ANSWER("no-answer"),
    BUSY("busy"),
    FAILED("failed");

    private final String dialCallStatus;

    DialOutcome(String dialCallStatus) {
        this.dialCallStatus = dialCallStatus;
    }

    public String dialCallStatus() {
        return dialCallStatus;
    }

    public boolean answered() {
        return this == ANSWERED || this == ANSWERED_CALLEE_HANGS_UP;
    }
}
