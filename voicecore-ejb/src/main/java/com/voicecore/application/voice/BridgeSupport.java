package com.voicecore.application.voice;

import java.util.concurrent.CompletionStage;

/**
 * What a bridge needs beyond its two sockets: the conversation's transactional work, run off the
 * socket threads and in order (a turn stored before the next one), and a timer. Implemented by
 * {@link RealtimeBridges}; replaced by a recording double in the bridge's unit tests.
 */
public interface BridgeSupport {

    /**
     * Stores one exchange (as soon as both sides of it are known) and judges it by the conversation's
     * attempt rule; completes once stored.
     */
    CompletionStage<TurnOutcome> record(Turn turn);

    /**
     * The caller's words, while the conversation's language is open: completes with what the session's
     * instructions must add once these words fixed the language (reply in it, or apologise for a
     * language not served), empty while the language is still unclear.
     */
    CompletionStage<java.util.Optional<String>> language(String callerWords);

    /** Runs a tool; the stage completes with the function call's output JSON. */
    CompletionStage<String> tool(String name, String argumentsJson);

    /** Records the failure (the call goes to a human); completes once stored. */
    CompletionStage<Void> failed(String reason);

    /** The stream is over; the bridge is forgotten. */
    void closed();

    /** Runs {@code task} after {@code delayMillis} (a safety deadline); never on the caller's thread. */
    void schedule(Runnable task, long delayMillis);

    /** Time the bridge added to one frame, for the node's statistics. */
    default void frameForwarded(boolean towardsCaller, long nanos) {
    }
}
