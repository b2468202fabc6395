package com.voicecore.application.voice;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Opens OpenAI Realtime sessions. Guarded by MicroProfile Fault Tolerance in its adapter (timeout,
 * circuit breaker, fallback): the stage completes empty when OpenAI cannot be reached in time or its
 * circuit is open, never exceptionally. With the circuit open it is complete at once.
 */
public interface RealtimeConnector {

    CompletionStage<Optional<RealtimeConnection>> connect(SessionConfig config, RealtimeConnection.Listener listener);
}
