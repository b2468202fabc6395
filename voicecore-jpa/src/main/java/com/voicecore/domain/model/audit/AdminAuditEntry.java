package com.voicecore.domain.model.audit;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One action a tenant's admin took in the console: who, what, on which object, when. Written once,
 * never changed (the table refuses updates, db/V11); deleted only with the tenant.
 */
@Entity
@Table(name = "admin_audit_log")
@NamedQuery(name = "AdminAuditEntry.latest",
        query = "select e from AdminAuditEntry e order by e.occurredAt desc, e.id")
public class AdminAuditEntry extends TenantOwnedEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 60)
    private String action;

    @Column(name = "subject", updatable = false, length = 200)
    private String subject;

    @Column(name = "detail", nullable = false, updatable = false, length = 1000)
    private String detail;

    protected AdminAuditEntry() {
    }

    public AdminAuditEntry(Instant occurredAt, String actor, String action, String subject, String detail) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = clip(Objects.requireNonNull(actor, "actor"), 254);
        this.action = clip(Objects.requireNonNull(action, "action"), 60);
        this.subject = subject == null ? null : clip(subject, 200);
        this.detail = detail == null ? "" : clip(detail, 1000);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }
}
