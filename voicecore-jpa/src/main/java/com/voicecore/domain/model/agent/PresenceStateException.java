package com.voicecore.domain.model.agent;

/** A presence transition the agent's current state does not allow (e.g. going available mid-call). */
public class PresenceStateException extends IllegalStateException {

    public PresenceStateException(String message) {
        super(message);
    }
}
