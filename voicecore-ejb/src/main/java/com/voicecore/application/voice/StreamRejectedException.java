package com.voicecore.application.voice;

import jakarta.ejb.ApplicationException;

/** A media stream that may not connect; the message is the close reason Twilio gets (no secrets in it). */
@ApplicationException(rollback = true)
public class StreamRejectedException extends RuntimeException {

    public StreamRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
