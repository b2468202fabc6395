package com.voicecore.infrastructure.transaction;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the thread's tenant to the current JTA transaction: {@code set_config('app.current_tenant',
 * id, true)} on the transaction's connection, before anything else touches it, and an empty value when
 * the thread works for no tenant, so that nothing a connection carried in (a session-level setting
 * made by hand, say) can stand in for it. Transaction-local, so the pooled connection carries nothing
 * into the next transaction. A transaction serves one tenant only.
 */
@ApplicationScoped
public class TenantTransactions {

    private static final String APPLIED = TenantTransactions.class.getName() + ".tenant";
    /** Recorded when a transaction was started for no tenant. */
    private static final Object NO_TENANT = new Object();

    @Resource
    private TransactionSynchronizationRegistry registry;

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    private DataSource dataSource;

    /** Applies the tenant (or none) unless this transaction already has it; refuses a second tenant. */
    public void apply(Optional<UUID> tenant) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        Object wanted = tenant.<Object>map(t -> t).orElse(NO_TENANT);
        Object applied = registry.getResource(APPLIED);
        if (wanted.equals(applied) || (applied != null && wanted == NO_TENANT)) {
            return; // a nested call for no tenant inherits the transaction's tenant: it cannot widen it
        }
        if (applied != null && applied != NO_TENANT) {
            throw new IllegalStateException("One transaction cannot work for two tenants");
        }
        setConfig(tenant.map(UUID::toString).orElse(""));
        registry.putResource(APPLIED, wanted);
    }

    /**
     * Records that the database already holds this tenant for the transaction (the platform function
     * that creates a tenant sets it itself), so later calls in the transaction agree with it.
     */
    public void adopt(UUID tenant) {
        Object applied = registry.getResource(APPLIED);
        if (applied != null && applied != NO_TENANT && !applied.equals(tenant)) {
            throw new IllegalStateException("One transaction cannot work for two tenants");
        }
        registry.putResource(APPLIED, tenant);
    }

    private void setConfig(String tenant) {
        // Within a JTA transaction the pool hands out the transaction's own connection: the same one
        // Hibernate will use.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply the tenant context", e);
        }
    }
}
