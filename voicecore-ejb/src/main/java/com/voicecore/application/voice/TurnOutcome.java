package com.voicecore.application.voice;

/**
 * What storing an exchange settled: the conversation's unsuccessful attempts after it, and whether the
 * stream now closes (the third attempt sends the call to customer service; words the tenant's spam rules
 * block end it). Either is already decided on the stream and the conversation; the bridge only has to
 * let the current sentence finish and close.
 */
public record TurnOutcome(int failedAttempts, boolean closeStream) {

    public static final TurnOutcome NONE = new TurnOutcome(0, false);
}
