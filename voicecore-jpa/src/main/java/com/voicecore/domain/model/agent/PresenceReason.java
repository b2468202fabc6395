package com.voicecore.domain.model.agent;

import java.util.Locale;

/** Why an agent's presence changed (announced with the change). */
public enum PresenceReason {
    AGENT, API, HEARTBEAT_EXPIRED, MISSED_OFFERS, OFFERED, OFFER_ENDED, CALL_ACCEPTED, CALL_ENDED, WRAP_UP_DONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
