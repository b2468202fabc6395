package com.voicecore.domain.model.routing;

/** Where Twilio reports back after an instruction: each is one webhook of the call path. */
public enum Step {
    /** digits typed during the greeting (an extension, 0 for the operator) or nothing */
    GREETING,
    /** the receptionist takes over (the department menu now, the AI receptionist later) */
    RECEPTIONIST,
    /** the caller's answer to the receptionist */
    RECEPTIONIST_INPUT,
    /** the caller's answer to a spam challenge */
    CHALLENGE,
    /** how a dial to an agent or number ended */
    DIAL_RESULT,
    /** a voicemail was recorded */
    VOICEMAIL,
    /** the outcome of a queue wait */
    QUEUE_RESULT,
    /** a live call moved to an outside number through the REST API */
    TRANSFER,
    /** one turn of a queued caller's wait: position, estimated wait, a key to leave a message */
    QUEUE_WAIT,
    /** an agent accepted the queued caller: the call is moved here and dials the agent */
    QUEUE_BRIDGE;

    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<Step> fromPath(String path) {
        for (Step step : values()) {
            if (step.path().equals(path)) {
                return java.util.Optional.of(step);
            }
        }
        return java.util.Optional.empty();
    }
}
