package com.voicecore.domain.model.call;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One telephone call and everything that happened to it. The routing, spam and billing behaviour
 * arrives with the calls issue; the record's shape is fixed here so the schema is whole.
 */
@Entity
@Table(name = "calls")
@NamedQuery(name = "Call.findAll", query = "select c from Call c order by c.startedAt desc, c.id")
public class Call extends TenantOwnedEntity {

    @Column(name = "twilio_call_sid", nullable = false, length = 64, updatable = false)
    private String twilioCallSid;

    @Convert(converter = CallEnumConverters.DirectionConverter.class)
    @Column(name = "direction", nullable = false)
    private CallDirection direction;

    @Column(name = "from_number", nullable = false, length = 32)
    private String fromNumber;

    @Column(name = "to_number", nullable = false, length = 32)
    private String toNumber;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "agent_id")
    private UUID agentId;

    @Convert(converter = CallEnumConverters.StatusConverter.class)
    @Column(name = "status", nullable = false)
    private CallStatus status = CallStatus.INITIATED;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "route", nullable = false)
    private String route = "[]";

    @Column(name = "spam_score")
    private Short spamScore;

    @Column(name = "spam_action", length = 20)
    private String spamAction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "spam_reasons", nullable = false)
    private String spamReasons = "[]";

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Column(name = "recording_url")
    private String recordingUrl;

    @Column(name = "transcript")
    private String transcript;

    @Column(name = "summary")
    private String summary;

    @Column(name = "credits_used", nullable = false)
    private int creditsUsed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private String metadata = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Call() {
    }

    public Call(String twilioCallSid, CallDirection direction, String from, String to, Instant startedAt) {
        this.twilioCallSid = Objects.requireNonNull(twilioCallSid, "twilioCallSid");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.fromNumber = Objects.requireNonNull(from, "from");
        this.toNumber = Objects.requireNonNull(to, "to");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.createdAt = Instant.now();
    }

    public String twilioCallSid() {
        return twilioCallSid;
    }

    public CallDirection direction() {
        return direction;
    }

    public String fromNumber() {
        return fromNumber;
    }

    public String toNumber() {
        return toNumber;
    }

    public CallStatus status() {
        return status;
    }

    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int durationSeconds() {
        return durationSeconds;
    }
}
