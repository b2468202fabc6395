package com.voicecore.application.voice;

import java.util.UUID;

/** A media stream that presented a valid, unused token for a live call of its tenant. */
public record Admission(UUID tenantId, UUID streamId, UUID callId, String callSid, SessionConfig config) {
}
