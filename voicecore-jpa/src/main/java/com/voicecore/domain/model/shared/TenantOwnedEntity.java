package com.voicecore.domain.model.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

import java.util.Objects;
import java.util.UUID;

/**
 * Every row a tenant owns. {@code @TenantId} makes Hibernate filter every query by, and stamp every
 * insert with, the current tenant (the ORM's lock); the table's forced RLS policy is the database's.
 * Identity is assigned on construction so entities are comparable before they are persisted.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    /** For an entity whose identity is handed out before it is built (an offer's id travels to the agent first). */
    protected void assignId(UUID assigned) {
        this.id = Objects.requireNonNull(assigned, "id");
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof TenantOwnedEntity other && getClass() == other.getClass() && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), id);
    }
}
