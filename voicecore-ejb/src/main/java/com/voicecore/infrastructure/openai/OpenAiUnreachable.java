package com.voicecore.infrastructure.openai;

import com.voicecore.application.voice.RealtimeConnection;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/** OpenAI could not be reached (refused, timed out, circuit open): "unreachable", with the cause logged (never the key). */
public class OpenAiUnreachable implements FallbackHandler<CompletionStage<Optional<RealtimeConnection>>> {

    private static final Logger LOG = Logger.getLogger(OpenAiUnreachable.class.getName());

    @Override
    public CompletionStage<Optional<RealtimeConnection>> handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        while (failure != null && failure.getCause() != null && failure.getCause() != failure
                && failure.getClass().getName().startsWith("java.util.concurrent")) {
            failure = failure.getCause();
        }
        LOG.warning("OpenAI Realtime is not reachable: " + (failure == null ? "unknown" : failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")));
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
