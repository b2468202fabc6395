package com.voicecore.infrastructure.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import java.util.UUID;

/**
 * Hibernate's half of the tenant wall: every {@code @TenantId} entity is filtered by, and stamped with,
 * the thread's tenant. With no tenant it answers {@link #NO_TENANT}, which matches no row, so the ORM
 * behaves like the database policy: nothing visible, nothing writable.
 */
public class HibernateTenantResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** The nil UUID: never a tenant's id (ids come from gen_random_uuid, version 4). */
    public static final UUID NO_TENANT = new UUID(0L, 0L);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.current().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        // a session opened for one tenant must not be reused for another
        return true;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return false;
    }
}
