package com.voicecore.application.realtime;

import java.util.Objects;
import java.util.UUID;

/**
 * One announcement, already in its wire form ({@code message} is the JSON object the client receives,
 * see docs/agent-protocol.md), with the addressing every node needs to pick its sockets.
 *
 * @param departmentId for {@link Audience#DEPARTMENT}
 * @param agentId      for {@link Audience#AGENT}
 */
public record RealtimeEvent(UUID tenantId, Audience audience, UUID departmentId, UUID agentId, String message) {

    /** The message of {@link #accessEnded}: no client is sent it; the sockets are closed (code 4001) instead. */
    static final String ACCESS_ENDED = "{\"type\":\"access-ended\"}";

    /** The tenant's access ended (suspended or deleted): every node closes that tenant's agent and supervisor sockets. */
    public static RealtimeEvent accessEnded(UUID tenantId) {
        return new RealtimeEvent(tenantId, Audience.TENANT, null, null, ACCESS_ENDED);
    }

    public boolean endsAccess() {
        return audience == Audience.TENANT && ACCESS_ENDED.equals(message);
    }

    public RealtimeEvent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(message, "message");
        if (audience == Audience.DEPARTMENT && departmentId == null) {
            throw new IllegalArgumentException("A department event names its department");
        }
        if (audience == Audience.AGENT && agentId == null) {
            throw new IllegalArgumentException("An agent event names its agent");
        }
    }
}
