package com.voicecore.interfaces.rest.agent;

import jakarta.validation.constraints.Pattern;

/** The role the token grants (agent when absent). */
public record AgentTokenRequest(
        @Pattern(regexp = "agent|supervisor", message = "role is agent or supervisor") String role) {
}
