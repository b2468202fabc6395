package com.voicecore.application;

import java.util.Objects;

/** A recording Twilio made (a voicemail, or the call itself when the tenant records calls). */
public record RecordingReport(String recordingSid, String url, int durationSeconds, String status) {

    public RecordingReport {
        Objects.requireNonNull(recordingSid, "recordingSid");
        Objects.requireNonNull(url, "url");
        durationSeconds = Math.max(0, durationSeconds);
        status = status == null ? "completed" : status;
    }
}
