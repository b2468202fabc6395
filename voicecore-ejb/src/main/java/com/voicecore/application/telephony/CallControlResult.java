package com.voicecore.application.telephony;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a call-control request. Not ok is an answer, not an exception: the caller decides
 * what to do next (play a message, try voicemail) and {@code detail} says why for the call's route and
 * the logs (Twilio's own message for a refusal; "unavailable", "timed out" or "circuit open" otherwise).
 *
 * @param callSid the call acted on or created, when Twilio answered with one
 */
public record CallControlResult(boolean ok, Optional<String> callSid, String detail) {

    public CallControlResult {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(detail, "detail");
    }

    public static CallControlResult succeeded(String callSid, String detail) {
        return new CallControlResult(true, Optional.ofNullable(callSid), detail);
    }

    public static CallControlResult failed(String detail) {
        return new CallControlResult(false, Optional.empty(), detail);
    }
}
