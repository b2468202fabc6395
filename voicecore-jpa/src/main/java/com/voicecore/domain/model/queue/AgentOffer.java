package com.voicecore.domain.model.queue;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One offer of a queued caller to one agent, and how it ended: the history behind "missed offers". */
@Entity
@Table(name = "agent_offers")
@NamedQuery(name = "AgentOffer.findOpen", query = "select o from AgentOffer o where o.entryId = :entryId and o.endedAt is null")
@NamedQuery(name = "AgentOffer.findBetween",
        query = "select o from AgentOffer o where o.offeredAt >= :from and o.offeredAt < :until")
public class AgentOffer extends TenantOwnedEntity {

    public enum Outcome { ACCEPTED, REJECTED, MISSED, WITHDRAWN }

    @Column(name = "entry_id", nullable = false)
    private UUID entryId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "outcome")
    private String outcome;

    protected AgentOffer() {
    }

    /** The offer's id is the entry's offer id, so the agent's accept names both. */
    public AgentOffer(UUID offerId, UUID entryId, UUID agentId, Instant offeredAt) {
        assignId(offerId);
        this.entryId = Objects.requireNonNull(entryId, "entryId");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.offeredAt = Objects.requireNonNull(offeredAt, "offeredAt");
    }

    public void end(Outcome how, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            outcome = how.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public UUID entryId() {
        return entryId;
    }

    public UUID agentId() {
        return agentId;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public boolean missed() {
        return "missed".equals(outcome) || "rejected".equals(outcome);
    }
}
