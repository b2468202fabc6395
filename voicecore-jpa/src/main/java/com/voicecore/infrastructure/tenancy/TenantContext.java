package com.voicecore.infrastructure.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Every entry point (REST call, webhook, WebSocket message,
 * timer) sets it and clears it when done; the EJB tenant interceptor applies it to the database as the
 * first statement of each transaction, and Hibernate's {@code @TenantId} reads it through
 * {@link HibernateTenantResolver}. One holder serves both locks, so they cannot disagree.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant context on this thread");
        }
        return tenant;
    }

    public static void set(UUID tenantId) {
        CURRENT.set(Objects.requireNonNull(tenantId, "tenantId"));
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs work for one tenant and restores whatever context the thread had before (timers, async jobs). */
    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
