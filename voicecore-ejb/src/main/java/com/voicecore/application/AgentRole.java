package com.voicecore.application;

import java.util.Locale;

/** What an agent token allows: an agent's own view, or a supervisor's view of the whole tenant. */
public enum AgentRole {
    AGENT, SUPERVISOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentRole fromCode(String code) {
        for (AgentRole r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("A role is agent or supervisor");
    }
}
