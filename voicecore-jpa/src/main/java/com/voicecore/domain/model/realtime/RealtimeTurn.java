package com.voicecore.domain.model.realtime;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One thing said in a realtime conversation, stored as it happens, with the reply's latency. */
@Entity
@Table(name = "realtime_turns")
public class RealtimeTurn extends TenantOwnedEntity {

    public enum Speaker { CALLER, ASSISTANT }

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "stream_id", nullable = false, updatable = false)
    private UUID streamId;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "speaker", nullable = false, updatable = false, length = 10)
    private String speaker;

    @Column(name = "text", nullable = false, updatable = false)
    private String text;

    @Column(name = "language", length = 10)
    private String language;

    @Column(name = "item_id", length = 100)
    private String itemId;

    @Column(name = "truncated_at_ms")
    private Integer truncatedAtMs;

    @Column(name = "response_latency_ms")
    private Integer responseLatencyMs;

    @Column(name = "bridge_max_us")
    private Integer bridgeMaxMicros;

    @Column(name = "bridge_frames")
    private Integer bridgeFrames;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RealtimeTurn() {
    }

    public RealtimeTurn(UUID callId, UUID streamId, int seq, Speaker speaker, String text, String language, String itemId,
                        Integer truncatedAtMs, Integer responseLatencyMs, Integer bridgeMaxMicros, Integer bridgeFrames,
                        Instant at) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.seq = seq;
        this.speaker = speaker.name().toLowerCase(java.util.Locale.ROOT);
        this.text = Objects.requireNonNull(text, "text");
        this.language = language == null || language.length() > 10 ? null : language;
        this.itemId = itemId == null || itemId.length() > 100 ? null : itemId;
        this.truncatedAtMs = truncatedAtMs;
        this.responseLatencyMs = responseLatencyMs;
        this.bridgeMaxMicros = bridgeMaxMicros;
        this.bridgeFrames = bridgeFrames;
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    public UUID callId() {
        return callId;
    }

    public int seq() {
        return seq;
    }

    public Speaker speaker() {
        return Speaker.valueOf(speaker.toUpperCase(java.util.Locale.ROOT));
    }

    public String text() {
        return text;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Optional<Integer> responseLatencyMs() {
        return Optional.ofNullable(responseLatencyMs);
    }

    public Optional<Integer> bridgeMaxMicros() {
        return Optional.ofNullable(bridgeMaxMicros);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
