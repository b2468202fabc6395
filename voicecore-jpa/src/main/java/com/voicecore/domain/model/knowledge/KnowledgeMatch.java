package com.voicecore.domain.model.knowledge;

import java.util.UUID;

/**
 * A knowledge-base entry found for a caller's words. {@code relevance} is the text match alone
 * (ts_rank_cd, normalised to [0, 1)); {@code score} adds the entry's priority and what calls taught
 * (its learned rank) and orders the results.
 */
public record KnowledgeMatch(UUID entryId, String question, String answer, String category, String language,
                             int priority, double relevance, double learnedRank, double score) {

    /**
     * Below this text relevance an entry is not an answer: one matching word of a long question in
     * the answer's text only. Calibrated with KnowledgeSearchPropertyTest's related and unrelated questions.
     */
    public static final double MIN_RELEVANCE = 0.05;
}
