package com.voicecore.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What a verified agent token says: whose it is, in which tenant, with which role, until when. */
public record AgentClaims(UUID tenantId, UUID agentId, AgentRole role, UUID departmentId, Instant issuedAt,
                          Instant expiresAt) {

    public AgentClaims {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Optional<UUID> department() {
        return Optional.ofNullable(departmentId);
    }

    public boolean isSupervisor() {
        return role == AgentRole.SUPERVISOR;
    }
}
