package com.voicecore.domain.model.voicemail;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A message left on a call, kept in one department's mailbox (and an agent's, when dialled directly). */
@Entity
@Table(name = "voicemails")
@NamedQuery(name = "Voicemail.forDepartment",
        query = "select v from Voicemail v where v.departmentId = :departmentId order by v.createdAt desc, v.id")
@NamedQuery(name = "Voicemail.byRecording", query = "select v from Voicemail v where v.recordingSid = :sid")
public class Voicemail extends TenantOwnedEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(name = "agent_id", updatable = false)
    private UUID agentId;

    @Column(name = "recording_sid", nullable = false, length = 64, updatable = false)
    private String recordingSid;

    @Column(name = "recording_url", nullable = false)
    private String recordingUrl;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Column(name = "transcription")
    private String transcription;

    @Column(name = "transcription_status", length = 20)
    private String transcriptionStatus;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "listened_at")
    private Instant listenedAt;

    protected Voicemail() {
    }

    public Voicemail(Call call, UUID departmentId, UUID agentId, String recordingSid, String recordingUrl, int seconds) {
        this.callId = call.id();
        this.departmentId = Objects.requireNonNull(departmentId, "departmentId");
        this.agentId = agentId;
        this.recordingSid = Objects.requireNonNull(recordingSid, "recordingSid");
        this.recordingUrl = Objects.requireNonNull(recordingUrl, "recordingUrl");
        this.durationSeconds = Math.max(0, seconds);
        this.createdAt = Instant.now();
    }

    /** Twilio's transcription arrives separately and may fail; both outcomes are kept. */
    public void transcribed(String text, String status) {
        this.transcription = text;
        this.transcriptionStatus = status;
    }

    public void listenedTo(Instant at) {
        if (listenedAt == null) {
            listenedAt = at;
        }
    }

    public UUID callId() {
        return callId;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    public String recordingSid() {
        return recordingSid;
    }

    public String recordingUrl() {
        return recordingUrl;
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    public Optional<String> transcription() {
        return Optional.ofNullable(transcription);
    }

    public Optional<String> transcriptionStatus() {
        return Optional.ofNullable(transcriptionStatus);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> listenedAt() {
        return Optional.ofNullable(listenedAt);
    }
}
