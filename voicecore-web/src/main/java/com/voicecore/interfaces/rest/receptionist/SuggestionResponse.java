package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;

import java.time.Instant;
import java.util.UUID;

/** A question callers asked that the knowledge base could not answer, awaiting (or after) an admin's decision. */
public record SuggestionResponse(UUID id, String question, String language, String suggestedAnswer, int occurrences,
                                 String status, UUID lastCallId, UUID entryId, Instant createdAt, Instant decidedAt) {

    static SuggestionResponse of(KnowledgeSuggestion s) {
        return new SuggestionResponse(s.id(), s.question(), s.language(), s.suggestedAnswer().orElse(null), s.occurrences(),
                s.status().code(), s.lastCallId().orElse(null), s.entryId().orElse(null), s.createdAt(), s.decidedAt().orElse(null));
    }
}
