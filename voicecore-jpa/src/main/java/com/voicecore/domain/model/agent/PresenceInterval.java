package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One stretch of an agent's presence (status and activity from start until end): the history the
 * occupancy metric reads. Written by the repository with each change; never edited.
 */
@Entity
@Table(name = "agent_presence_log")
public class PresenceInterval extends TenantOwnedEntity {

    @Column(name = "agent_id", nullable = false, updatable = false)
    private UUID agentId;

    @jakarta.persistence.Convert(converter = AgentStatusConverter.class)
    @Column(name = "status", nullable = false, updatable = false)
    private AgentStatus status;

    @jakarta.persistence.Convert(converter = AgentActivityConverter.class)
    @Column(name = "activity", nullable = false, updatable = false)
    private AgentActivity activity;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected PresenceInterval() {
    }

    public UUID agentId() {
        return agentId;
    }

    public AgentStatus status() {
        return status;
    }

    public AgentActivity activity() {
        return activity;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }
}
