package com.voicecore.infrastructure.realtime;

import com.voicecore.application.CallQueueService;
import com.voicecore.application.PresenceService;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every node: heartbeats that stopped, wrap-ups that are over, offers that rang out,
 * waiting callers for idle agents. The database says which tenants have such work (a narrow platform
 * function that returns tenant ids only); each tenant's work then runs in its own transactions under
 * its own context. Several nodes sweeping at once is safe: every change re-reads its rows under a lock
 * (or skips rows another node holds), so each is made - and announced - once.
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("SchemaMigrator") // no sweep before the schema it reads exists
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RealtimeSweeper {

    private static final Logger LOG = Logger.getLogger(RealtimeSweeper.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    DataSource dataSource;

    @Inject
    PresenceService presence;

    @Inject
    CallQueueService queues;

    @Inject
    com.voicecore.application.internal.RealtimeSettings settings;

    @Inject
    Clock clock;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "realtime sweep")
    public void sweep() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous sweep is still at work: skip this tick rather than pile up
        }
        try {
            for (UUID tenant : dueTenants()) {
                TenantContext.runAs(tenant, () -> sweep(tenant));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Real-time sweep failed", e);
        } finally {
            running.set(false);
        }
    }

    private void sweep(UUID tenant) {
        for (Runnable work : List.<Runnable>of(presence::expireSilentAgents, presence::finishWrapUps, queues::sweep)) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Real-time sweep step failed for tenant " + tenant, e);
            }
        }
    }

    private List<UUID> dueTenants() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from platform.realtime_due_tenants(?, ?)")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(now.minus(settings.heartbeatExpiry()), java.time.ZoneOffset.UTC));
            ps.setObject(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            List<UUID> tenants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tenants.add((UUID) rs.getObject(1));
                }
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find the tenants with due real-time work", e);
        }
    }
}
