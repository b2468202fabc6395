package com.voicecore.application.realtime;

import com.voicecore.domain.model.realtime.RealtimeTurn;

import java.time.Instant;
import java.util.UUID;

/**
 * One turn as the bridge saw it. {@code responseLatencyMs}: caller stopped speaking → first audio frame
 * sent to Twilio; {@code bridgeMaxMicros}: the most the bridge itself added to one frame of the reply.
 */
public record Turn(UUID streamId, UUID callId, int seq, RealtimeTurn.Speaker speaker, String text, String language,
                   String itemId, Integer responseLatencyMs, Integer bridgeMaxMicros, Integer bridgeFrames, Instant at) {
}
