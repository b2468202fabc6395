package com.voicecore.domain.model.call;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry of a call's status history, with Twilio's sequence number when it gave one. */
@Entity
@Table(name = "call_events")
@NamedQuery(name = "CallEvent.forCall",
        query = "select e from CallEvent e where e.callId = :callId order by e.occurredAt, e.sequenceNumber nulls first, e.receivedAt")
public class CallEvent extends TenantOwnedEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "event", nullable = false, length = 30)
    private String event;

    @Column(name = "status", length = 20)
    private String status;

    @Column(name = "sequence_number")
    private Integer sequenceNumber;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    // jsonb written as text and cast in SQL: Hibernate's JSON type needs the driver's PGobject, which
    // WildFly's Hibernate module cannot see
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "detail", nullable = false)
    private String detail = "{}";

    protected CallEvent() {
    }

    public CallEvent(Call call, String event, String status, Integer sequenceNumber, Instant occurredAt) {
        this.callId = call.id();
        this.event = Objects.requireNonNull(event, "event");
        this.status = status;
        this.sequenceNumber = sequenceNumber;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.receivedAt = Instant.now();
    }

    public UUID callId() {
        return callId;
    }

    public String event() {
        return event;
    }

    public String status() {
        return status;
    }

    public Integer sequenceNumber() {
        return sequenceNumber;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String detail() {
        return detail;
    }
}
