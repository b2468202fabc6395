package com.voicecore.simulator;

import java.util.Locale;

/** How a caller leaves an {@code <Enqueue>}; the wire value is Twilio's {@code QueueResult}. */
public enum QueueResult {
    BRIDGED, QUEUE_FULL, REDIRECTED, HANGUP, LEAVE, ERROR, SYSTEM_ERROR;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Only a caller who hung up is gone; after every other result the call goes on. */
    boolean callerGone() {
        return this == HANGUP;
    }
}
