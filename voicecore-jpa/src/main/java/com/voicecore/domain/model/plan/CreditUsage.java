package com.voicecore.domain.model.plan;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the credit ledger: the minutes one call cost. A call has at most one line. */
@Entity
@Table(name = "credit_usage")
@NamedQuery(name = "CreditUsage.minutesIn",
        query = "select coalesce(sum(u.minutes), 0) from CreditUsage u where u.periodStart = :period")
public class CreditUsage extends TenantOwnedEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "minutes", nullable = false, updatable = false)
    private int minutes;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected CreditUsage() {
    }

    public UUID callId() {
        return callId;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public int minutes() {
        return minutes;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
