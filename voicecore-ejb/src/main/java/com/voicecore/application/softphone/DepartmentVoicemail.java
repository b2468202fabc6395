package com.voicecore.application.softphone;

import java.time.Instant;
import java.util.UUID;

/** A department's message as an agent sees it: with the caller's number, to call back. */
public record DepartmentVoicemail(UUID id, UUID callId, UUID departmentId, String callerNumber, int durationSeconds,
                                  String transcription, String recordingUrl, Instant createdAt, Instant listenedAt) {
}
