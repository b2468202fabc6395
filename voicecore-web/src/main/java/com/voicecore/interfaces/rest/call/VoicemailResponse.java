package com.voicecore.interfaces.rest.call;

import com.voicecore.domain.model.voicemail.Voicemail;

import java.time.Instant;
import java.util.UUID;

public record VoicemailResponse(UUID id, UUID callId, UUID departmentId, UUID agentId, String recordingSid,
                                String recordingUrl, int durationSeconds, String transcription, Instant createdAt) {

    static VoicemailResponse of(Voicemail v) {
        return new VoicemailResponse(v.id(), v.callId(), v.departmentId(), v.agentId().orElse(null), v.recordingSid(),
                v.recordingUrl(), v.durationSeconds(), v.transcription().orElse(null), v.createdAt());
    }
}
