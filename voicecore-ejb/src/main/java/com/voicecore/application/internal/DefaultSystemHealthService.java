package com.voicecore.application.internal;

import com.voicecore.application.console.SystemHealthService;
import com.voicecore.infrastructure.persistence.migration.SchemaStatus;
import com.voicecore.infrastructure.realtime.PgRealtimeFeed;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
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
import java.util.Locale;
import java.util.Map;

/**
 * Reads health without a transaction (a database outage must be reported, not fail the page).
 * Nodes are counted from PostgreSQL itself: every node keeps one connection named voicecore-listen
 * (NotificationStream) while it is up, so the database knows which nodes are alive without a
 * heartbeat table. Circuit states come from SmallRye Fault Tolerance's own registry of named breakers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSystemHealthService implements SystemHealthService {

    /** The adapters' circuit breakers (@CircuitBreakerName on their methods), and which service each guards. */
    static final Map<String, String> CIRCUITS = Map.of(
            "twilio-redirect", "Twilio", "twilio-forward", "Twilio", "twilio-hang-up", "Twilio",
            "openai-realtime-connect", "OpenAI");

    @Resource(lookup = "java:jboss/datasources/VoiceCoreDS")
    DataSource dataSource;

    @Inject
    SchemaStatus schema;

    @Inject
    PgRealtimeFeed feed;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    Clock clock;

    @Override
    public SystemHealth health() {
        boolean reachable = false;
        List<Instant> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select backend_start from pg_stat_activity"
                     + " where application_name = 'voicecore-listen' and usename = current_user order by backend_start")) {
            reachable = c.isValid(2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getTimestamp(1).toInstant());
                }
            }
        } catch (SQLException e) {
            reachable = false;
        }
        List<Circuit> circuits = new ArrayList<>();
        CIRCUITS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> circuits.add(
                new Circuit(e.getKey(), e.getValue(), state(e.getKey()))));
        return new SystemHealth(reachable, schema.version().orElse("not migrated"), feed.isListening(), nodes, circuits,
                clock.instant());
    }

    private String state(String name) {
        try {
            return breakers.currentState(name).name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (RuntimeException e) {
            return "unknown"; // not registered (the adapter's bean was never created on this node)
        }
    }
}
