package com.voicecore.infrastructure.twilio;

/**
 * No connection to the Twilio API could be made, so the request was certainly not received. The one
 * failure after which even a non-idempotent request (placing a call) may be sent again.
 */
public class TwilioUnreachableException extends TwilioUnavailableException {

    private static final long serialVersionUID = 1L;

    public TwilioUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
