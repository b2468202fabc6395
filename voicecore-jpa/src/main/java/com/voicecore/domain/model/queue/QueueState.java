package com.voicecore.domain.model.queue;

import java.util.Locale;

/** Where a queued caller is: waiting, offered to an agent, being bridged, connected, or gone. */
public enum QueueState {
    WAITING, OFFERED, BRIDGING, CONNECTED, COMPLETED, ABANDONED, VOICEMAIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueueState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Still in the queue: counted in its position and snapshot. */
    public boolean isQueued() {
        return this == WAITING || this == OFFERED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ABANDONED || this == VOICEMAIL;
    }
}
