package com.voicecore.domain.model.agent;

/** What the system knows an agent is doing, next to the status the agent chose. */
public enum AgentActivity {
    IDLE("idle"),
    OFFERED("offered"),
    ON_CALL("on_call"),
    WRAP_UP("wrap_up"),
    AWAY("away");

    private final String code;

    AgentActivity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AgentActivity fromCode(String code) {
        for (AgentActivity a : values()) {
            if (a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown agent activity '" + code + "'");
    }

    /** Taken by a call: the agent's own status choice waits until the call and its wrap-up are over. */
    public boolean isWithCall() {
        return this == ON_CALL || this == WRAP_UP;
    }
}
