package com.voicecore.domain.model.apikey;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's key to the REST API. The key itself is shown once when issued; only its SHA-256 and a
 * short prefix (to tell keys apart in listings) are stored.
 */
@Entity
@Table(name = "api_keys")
@NamedQuery(name = "ApiKey.findAll", query = "select k from ApiKey k order by k.createdAt")
public class ApiKey extends TenantOwnedEntity {

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private byte[] keyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String name, ApiKeySecret secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyPrefix = secret.prefix();
        this.keyHash = secret.sha256();
        this.createdAt = Instant.now();
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
