package com.voicecore.infrastructure.twilio;

import com.voicecore.application.telephony.CallControlResult;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last word of every guarded Twilio call once retries are spent or the circuit is open: a not-ok
 * {@link CallControlResult} saying why, so the use case can fall back (voicemail, a message) instead of
 * failing the webhook. Logs the operation and the reason only; the parameters hold credentials
 * (hidden by their toString, but there is no need to print them at all).
 */
@Dependent
public class TwilioCallControlFallback implements FallbackHandler<CallControlResult> {

    private static final Logger LOG = Logger.getLogger(TwilioCallControlFallback.class.getName());

    @Override
    public CallControlResult handle(ExecutionContext context) {
        String operation = context.getMethod().getName();
        Throwable failure = context.getFailure();
        String detail = detail(failure);
        LOG.log(Level.WARNING, "Twilio {0} failed: {1}", new Object[] {operation, detail});
        return CallControlResult.failed(detail);
    }

    static String detail(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "Twilio calls are paused after repeated failures (circuit open); try again shortly";
        }
        if (failure instanceof TimeoutException) {
            return "Twilio did not answer in time";
        }
        if (failure instanceof TwilioUnavailableException) {
            return failure.getMessage();
        }
        return "Unexpected failure calling Twilio: " + (failure == null ? "unknown"
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
