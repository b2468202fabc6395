package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.IssuedAgentToken;

/** A freshly issued agent token (shown once; never stored, never logged). */
public record AgentTokenResponse(String token, String tokenType, String expiresAt, long expiresIn, String agentId,
                                 String tenantId, String role, String departmentId, String subprotocol) {

    static AgentTokenResponse of(IssuedAgentToken issued) {
        var c = issued.claims();
        return new AgentTokenResponse(issued.token(), "Bearer", c.expiresAt().toString(),
                c.expiresAt().getEpochSecond() - c.issuedAt().getEpochSecond(), c.agentId().toString(),
                c.tenantId().toString(), c.role().code(), c.departmentId() == null ? null : c.departmentId().toString(),
                "voicecore-agent-v1");
    }

    @Override
    public String toString() {
        return "AgentTokenResponse[agentId=" + agentId + ", role=" + role + ", expiresAt=" + expiresAt + "]";
    }
}
