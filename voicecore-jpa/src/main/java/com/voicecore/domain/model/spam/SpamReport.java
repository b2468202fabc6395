package com.voicecore.domain.model.spam;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's report that a number called with spam. One per tenant and number; reports from
 * several tenants put the number on the platform list without saying who reported it.
 */
@Entity
@Table(name = "spam_reports")
@NamedQuery(name = "SpamReport.findAll", query = "select r from SpamReport r order by r.createdAt desc, r.id")
@NamedQuery(name = "SpamReport.findByNumber", query = "select r from SpamReport r where r.number = :number")
public class SpamReport extends TenantOwnedEntity {

    @Column(name = "number", nullable = false, length = 32, updatable = false)
    private String number;

    @Column(name = "reason", length = 500)
    private String reason;

    @Column(name = "call_id")
    private UUID callId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SpamReport() {
    }

    public SpamReport(String number, String reason, UUID callId) {
        this.number = Objects.requireNonNull(number, "number");
        this.reason = reason;
        this.callId = callId;
        this.createdAt = Instant.now();
    }

    public String number() {
        return number;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<UUID> callId() {
        return Optional.ofNullable(callId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
