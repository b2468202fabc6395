package com.voicecore.domain.model.agent;

/** What an agent says of themselves (the seed's agent_status enum). */
public enum AgentStatus {
    AVAILABLE("available"),
    BUSY("busy"),
    NOT_AVAILABLE("not_available");

    private final String code;

    AgentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AgentStatus fromCode(String code) {
        for (AgentStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown agent status '" + code + "': use available, busy or not_available");
    }
}
