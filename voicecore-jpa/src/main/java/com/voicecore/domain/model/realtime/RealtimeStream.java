package com.voicecore.domain.model.realtime;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One media stream offered to Twilio for a call. Its id is the stream token's id: the token is good
 * once, before {@link #expiresAt()}. The first decision of the conversation is kept (a drop after a
 * decided transfer does not undo the transfer).
 */
@Entity
@Table(name = "realtime_streams")
public class RealtimeStream extends TenantOwnedEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "call_sid", nullable = false, updatable = false, length = 64)
    private String callSid;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "connected_at")
    private Instant connectedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "outcome", length = 20)
    private String outcome;

    @Column(name = "outcome_target", length = 100)
    private String outcomeTarget;

    @Column(name = "outcome_detail", length = 500)
    private String outcomeDetail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RealtimeStream() {
    }

    public RealtimeStream(UUID callId, String callSid, Instant now, Duration tokenLifetime) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.callSid = Objects.requireNonNull(callSid, "callSid");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(tokenLifetime);
    }

    /** Keeps the first decision only. */
    public boolean decide(StreamOutcome decided) {
        if (outcome != null) {
            return false;
        }
        this.outcome = decided.kind().code();
        this.outcomeTarget = decided.target();
        this.outcomeDetail = decided.detail();
        return true;
    }

    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    public Optional<StreamOutcome> outcome() {
        return Optional.ofNullable(outcome).map(o -> new StreamOutcome(StreamOutcome.Kind.fromCode(o), outcomeTarget, outcomeDetail));
    }

    public UUID callId() {
        return callId;
    }

    public String callSid() {
        return callSid;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> connectedAt() {
        return Optional.ofNullable(connectedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public boolean hasEnded() {
        return endedAt != null;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
