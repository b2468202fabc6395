package com.voicecore.domain.model.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One committed change of an agent's presence, as announced to every connected client. The version
 * rises with every change of that agent, so a client can drop an older announcement that arrives late.
 */
public record PresenceChange(UUID tenantId, UUID agentId, String name, UUID departmentId, AgentStatus status,
                             AgentActivity activity, Instant since, PresenceReason reason, long version) {

    public PresenceChange {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }
}
