package com.voicecore.application.voice;

import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.Intent;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One exchange as the bridge saw it: what the caller said (null for the greeting, or when the caller's
 * words were not transcribed) and what the assistant answered ("" when the call ended before an
 * answer). {@code responseLatencyMs}: caller stopped speaking → first audio frame sent to Twilio;
 * {@code bridgeMaxMicros}: the most the bridge itself added to one frame of the reply (Property 5).
 * {@code intent} and {@code knowledgeEntryId} come from the tools the model used in the exchange;
 * {@code assisted} is what those tools found (Property 6); {@code utterances} are the caller's
 * transcripts in order (blank when the caller spoke and nothing usable came back), the words the
 * conversation policy judges and fixes the language from.
 */
public record Turn(UUID streamId, String callerText, String replyText, Intent intent, UUID knowledgeEntryId,
                   Integer responseLatencyMs, Integer bridgeMaxMicros, Integer bridgeFrames,
                   ConversationPolicy.Assisted assisted, List<String> utterances) {

    public Turn {
        assisted = Objects.requireNonNullElse(assisted, ConversationPolicy.Assisted.NOTHING);
        utterances = utterances == null ? callerText == null ? List.of() : List.of(callerText) : List.copyOf(utterances);
    }

    public Turn(UUID streamId, String callerText, String replyText, Intent intent, UUID knowledgeEntryId,
                Integer responseLatencyMs, Integer bridgeMaxMicros, Integer bridgeFrames) {
        this(streamId, callerText, replyText, intent, knowledgeEntryId, responseLatencyMs, bridgeMaxMicros, bridgeFrames,
                ConversationPolicy.Assisted.NOTHING, null);
    }
}
