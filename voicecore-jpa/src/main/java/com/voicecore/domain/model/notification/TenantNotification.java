package com.voicecore.domain.model.notification;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Something the tenant is told once per period, e.g. "80 % of this month's minutes used". */
@Entity
@Table(name = "tenant_notifications")
@NamedQuery(name = "TenantNotification.recent", query = "select n from TenantNotification n order by n.createdAt desc, n.id")
public class TenantNotification extends TenantOwnedEntity {

    public static final String CREDITS_PREFIX = "credits_";

    @Column(name = "kind", nullable = false, length = 40, updatable = false)
    private String kind;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    // jsonb written as text and cast in SQL: Hibernate's JSON type needs the driver's PGobject, which
    // WildFly's Hibernate module cannot see
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "detail", nullable = false)
    private String detail = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected TenantNotification() {
    }

    public static String creditsKind(int threshold) {
        return CREDITS_PREFIX + threshold;
    }

    public String kind() {
        return kind;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }
}
