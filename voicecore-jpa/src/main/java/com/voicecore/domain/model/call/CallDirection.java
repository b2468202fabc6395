package com.voicecore.domain.model.call;

import java.util.Locale;

/** Which way a call goes (the call_direction enum). */
public enum CallDirection {
    INBOUND, OUTBOUND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
