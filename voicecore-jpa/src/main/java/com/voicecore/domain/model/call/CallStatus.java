package com.voicecore.domain.model.call;

import java.util.Locale;

/** Twilio's call statuses (the call_status enum); in-progress is spelled with an underscore in SQL. */
public enum CallStatus {
    QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED, BUSY, FAILED, NO_ANSWER, CANCELED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallStatus fromCode(String code) {
        return valueOf(code.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == BUSY || this == FAILED || this == NO_ANSWER || this == CANCELED;
    }
}
