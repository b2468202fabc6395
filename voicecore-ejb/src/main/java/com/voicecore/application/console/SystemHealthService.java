package com.voicecore.application.console;

import java.time.Instant;
import java.util.List;

/** The platform's system health page: database, nodes, and the outside services' circuit breakers. */
public interface SystemHealthService {

    SystemHealth health();

    /**
     * {@code nodes}: the WildFly nodes listening on the real-time bus (one LISTEN connection each), with
     * when each started listening; {@code circuits}: each named circuit breaker of the Twilio and OpenAI
     * adapters with its state (closed, open, half-open).
     */
    record SystemHealth(boolean databaseReachable, String schemaVersion, boolean thisNodeListening,
                        List<Instant> nodes, List<Circuit> circuits, Instant checkedAt) {
    }

    record Circuit(String name, String service, String state) {
    }
}
