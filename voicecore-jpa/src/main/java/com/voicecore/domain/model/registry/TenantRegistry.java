package com.voicecore.domain.model.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's register of tenants: the one place that spans tenants. Its implementation is the
 * narrow platform path (database functions that return ids and registry rows, never tenant data).
 */
public interface TenantRegistry {

    /** Registers a tenant; the new tenant becomes the current transaction's tenant. */
    UUID register(String name, String domain);

    List<TenantSummary> list(int limit, int offset);

    long count();

    Optional<TenantSummary> find(UUID tenantId);

    /** Deletes every row of the tenant; empty when there was no such tenant. */
    Optional<DeletionReceipt> delete(UUID tenantId, String requestedBy);

    Optional<DeletionReceipt> deletionReceipt(UUID tenantId);

    /** Sets a tenant's status (active or suspended); empty when there is no such tenant. */
    Optional<TenantSummary> changeStatus(UUID tenantId, String status);

    /** The active tenant a console user names at sign-in by its domain or id; empty for unknown or suspended. */
    Optional<UUID> resolveForSignIn(String reference);

    /** The tenant an API key (by its SHA-256) belongs to, if the key is live and the tenant active. */
    Optional<UUID> tenantOfApiKey(byte[] keySha256);
}
