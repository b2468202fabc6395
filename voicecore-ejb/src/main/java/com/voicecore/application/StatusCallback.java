package com.voicecore.application;

import com.voicecore.domain.model.call.CallStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One of Twilio's status callbacks for a call. */
public record StatusCallback(String callSid, String from, String to, CallStatus status, String event, int sequenceNumber,
                             Instant timestamp, Optional<Integer> durationSeconds) {

    public StatusCallback {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        event = event == null || event.isBlank() ? status.code() : event;
    }
}
