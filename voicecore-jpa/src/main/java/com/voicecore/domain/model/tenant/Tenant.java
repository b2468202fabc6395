package com.voicecore.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry row of the current tenant, as the tenant itself sees it (row-level security shows a
 * tenant only its own row). Created, listed and deleted only through the platform path.
 */
@Entity
@Immutable
@Table(name = "tenants")
public class Tenant {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "name")
    private String name;

    @Column(name = "domain")
    private String domain;

    @Column(name = "status")
    private String status;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public TenantStatus status() {
        return TenantStatus.fromCode(status);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
