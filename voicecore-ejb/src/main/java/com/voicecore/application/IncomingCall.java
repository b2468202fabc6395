package com.voicecore.application;

import java.time.Instant;
import java.util.Objects;

/**
 * A call Twilio offers, as much of its webhook as the call path uses. Location parameters
 * (FromCity, CallerZip, …) are deliberately absent: they are never stored.
 */
public record IncomingCall(String callSid, String from, String to, String stirVerstat, String callToken, Instant at) {

    public IncomingCall {
        Objects.requireNonNull(callSid, "callSid");
        from = from == null ? "" : from;
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
