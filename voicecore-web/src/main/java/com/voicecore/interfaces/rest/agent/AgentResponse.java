package com.voicecore.interfaces.rest.agent;

import com.voicecore.domain.model.agent.Agent;

import java.time.Instant;
import java.util.UUID;

public record AgentResponse(UUID id, String name, String email, UUID departmentId, String extension, String status,
                            Instant statusChangedAt, Instant createdAt, Instant updatedAt) {

    static AgentResponse of(Agent a) {
        return new AgentResponse(a.id(), a.name(), a.email().value(), a.departmentId().orElse(null),
                a.extension().map(Object::toString).orElse(null), a.status().code(), a.statusChangedAt(),
                a.createdAt(), a.updatedAt());
    }
}
