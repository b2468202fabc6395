package com.voicecore.interfaces.rest.agent;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.shared.PhoneNumber;

import java.time.Instant;
import java.util.UUID;

public record AgentResponse(UUID id, String name, String email, UUID departmentId, String extension, String status,
                            String phoneNumber, Instant statusChangedAt, Instant createdAt, Instant updatedAt) {

    static AgentResponse of(Agent a) {
        return new AgentResponse(a.id(), a.name(), a.email().value(), a.departmentId().orElse(null),
                a.extension().map(Object::toString).orElse(null), a.status().code(), a.phoneNumber().map(PhoneNumber::e164).orElse(null), a.statusChangedAt(),
                a.createdAt(), a.updatedAt());
    }
}
