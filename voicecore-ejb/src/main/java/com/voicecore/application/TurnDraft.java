package com.voicecore.application;

import com.voicecore.domain.model.conversation.Intent;

import java.util.UUID;

/**
 * One exchange to store. {@code callerText} may be null (silence, digits only); {@code knowledgeEntryId}
 * is the answer used, if any. Latencies in milliseconds, null when not measured: {@code serverMillis}
 * is VoiceCore's own time for the turn; {@code speechEndToFirstAudioMillis} (caller stopped speaking →
 * first reply audio sent to Twilio) and {@code bridgeAddedMillis} (time the bridge itself added) are
 * the realtime transport's (Property 5).
 */
public record TurnDraft(String callerText, String replyText, String language, Intent intent, UUID knowledgeEntryId,
                        Double confidence, Integer serverMillis, Integer speechEndToFirstAudioMillis,
                        Integer bridgeAddedMillis) {

    public static TurnDraft turnBased(String callerText, String replyText, String language, Intent intent,
                                      UUID knowledgeEntryId, Double confidence, Integer serverMillis) {
        return new TurnDraft(callerText, replyText, language, intent, knowledgeEntryId, confidence, serverMillis, null, null);
    }
}
