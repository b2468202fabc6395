package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.domain.model.knowledge.KnowledgeEntry;

import java.time.Instant;
import java.util.UUID;

/** An entry with what calls taught about it: uses, resolved and transferred calls, its learned rank. */
public record KnowledgeResponse(UUID id, String question, String answer, String keywords, String category, String language,
                                int priority, boolean active, int timesUsed, int timesResolved, int timesTransferred,
                                double learnedRank, Instant lastUsedAt, Instant updatedAt) {

    static KnowledgeResponse of(KnowledgeEntry e) {
        return new KnowledgeResponse(e.id(), e.question(), e.answer(), e.keywords(), e.category().orElse(null), e.language(),
                e.priority(), e.isActive(), e.timesUsed(), e.timesResolved(), e.timesTransferred(), e.learnedRank(),
                e.lastUsedAt().orElse(null), e.updatedAt());
    }
}
