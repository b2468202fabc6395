package com.voicecore.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call's conversation for review: the turns in order, and (once the call ended) transcript and summary. */
public record ConversationRecord(UUID callId, String transport, String language, String detectedLanguage,
                                 int failedAttempts, String outcome, String outcomeDetail, Instant startedAt,
                                 Instant finishedAt, List<Turn> turns, String transcript, String summary) {

    public record Turn(int seq, String callerText, String replyText, String language, String intent,
                       UUID knowledgeEntryId, Double confidence, Integer serverMillis,
                       Integer speechEndToFirstAudioMillis, Integer bridgeAddedMillis, Instant at) {
    }
}
