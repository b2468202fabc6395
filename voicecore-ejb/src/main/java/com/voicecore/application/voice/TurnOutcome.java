package com.voicecore.application.voice;

/**
 * What storing an exchange settled: the conversation's unsuccessful attempts after it, and whether it
 * was the third, so the call now goes to customer service (already decided on the stream and the
 * conversation; the bridge only has to let the current sentence finish and close).
 */
public record TurnOutcome(int failedAttempts, boolean toCustomerService) {

    public static final TurnOutcome NONE = new TurnOutcome(0, false);
}
