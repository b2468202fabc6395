package com.voicecore.testsupport;

import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hibernate standalone over the real persistence unit {@code voicecore} (the very persistence.xml the
 * EAR ships), with the container's parts replaced: resource-local transactions instead of JTA, and a
 * given {@link DataSource} instead of the JNDI one. Each unit of work is done the way the EJB tenant
 * interceptor does it: the tenant context is set first (so Hibernate's {@code @TenantId} sees it when
 * the session opens), then the transaction begins and its first statement applies the tenant to
 * PostgreSQL's row-level security.
 */
public final class OrmHarness implements AutoCloseable {

    public static final String PERSISTENCE_UNIT = "voicecore";

    private final EntityManagerFactory emf;

    public OrmHarness(DataSource dataSource) {
        this.emf = Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, overrides(dataSource));
    }

    /**
     * What replaces the container; these win over persistence.xml (checked with hibernate-core 6.6.40).
     * Only the non-JTA data source is given: an empty {@code jakarta.persistence.jtaDataSource} is not
     * "none" to Hibernate but a JNDI name ("Error parsing JNDI name []"), and with RESOURCE_LOCAL the
     * unit's JNDI jta-data-source is never looked up.
     */
    public static Map<String, Object> overrides(DataSource dataSource) {
        Map<String, Object> p = new HashMap<>();
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.nonJtaDataSource", Objects.requireNonNull(dataSource, "dataSource"));
        return p;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /**
     * Runs work as one tenant in one transaction: context, then session, then {@code set_config} as the
     * first statement. Commits, unless the work failed (rolled back, rethrown) or marked the transaction
     * rollback-only (rolled back quietly: a way to look at what a statement would do without keeping it).
     */
    public <T> T inTenant(UUID tenant, Function<EntityManager, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        TenantContext.set(tenant);
        try {
            return inTransaction(em -> {
                em.createNativeQuery("select set_config('app.current_tenant', ?1, true)")
                        .setParameter(1, tenant.toString())
                        .getSingleResult();
                return work.apply(em);
            });
        } finally {
            TenantContext.clear();
        }
    }

    public void runInTenant(UUID tenant, Consumer<EntityManager> work) {
        inTenant(tenant, em -> {
            work.accept(em);
            return null;
        });
    }

    /** The same unit of work with no tenant at all: no context on the thread, no {@code set_config}. */
    public <T> T withoutTenant(Function<EntityManager, T> work) {
        TenantContext.clear();
        return inTransaction(work);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            if (tx.getRollbackOnly()) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
