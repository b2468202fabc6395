package com.voicecore.application.voice;

import java.util.concurrent.CompletionStage;

/**
 * What a bridge needs beyond its two sockets: the conversation's transactional work, run off the
 * socket threads and in order (a turn stored before the next one), and a timer. Implemented by
 * {@link RealtimeBridges}; replaced by a recording double in the bridge's unit tests.
 */
public interface BridgeSupport {

    /** Stores one exchange (as soon as both sides of it are known). */
    void record(Turn turn);

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
