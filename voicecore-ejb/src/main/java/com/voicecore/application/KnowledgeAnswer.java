package com.voicecore.application;

import java.util.UUID;

/** A knowledge-base answer for the caller's words; {@code score} orders them (relevance, priority, learned rank). */
public record KnowledgeAnswer(UUID entryId, String question, String answer, String category, String language,
                              double relevance, double score) {
}
