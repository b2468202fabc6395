package com.voicecore.infrastructure.twilio;

/**
 * Twilio could not be used right now: it answered 5xx, the connection broke, or no answer came in
 * time. Worth retrying, and a sign of Twilio's health for the circuit breaker. A refusal (4xx) is never
 * this: it is an answer, reported as a not-ok result. Messages hold no credentials.
 */
public class TwilioUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TwilioUnavailableException(String message) {
        super(message);
    }

    public TwilioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
