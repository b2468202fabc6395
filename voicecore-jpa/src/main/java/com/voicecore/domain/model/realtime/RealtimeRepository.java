package com.voicecore.domain.model.realtime;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's realtime settings and media streams. */
public interface RealtimeRepository {

    Optional<RealtimeSettings> settings();

    /** The settings row locked until the transaction ends: offers of realtime streams queue up per tenant. */
    Optional<RealtimeSettings> lockSettings();

    void store(RealtimeSettings settings);

    /** Streams that hold a place against the concurrency limit: not ended, and connected or not yet expired. */
    long countOpen(Instant now);

    void store(RealtimeStream stream);

    Optional<RealtimeStream> stream(UUID id);

    Optional<RealtimeStream> latestStream(String callSid);

    /**
     * Takes the stream's single use: true exactly once, for its own call, before it expires and while
     * it has not ended (one conditional update, so two nodes cannot both win).
     */
    boolean claim(UUID streamId, String callSid, Instant now);
}
