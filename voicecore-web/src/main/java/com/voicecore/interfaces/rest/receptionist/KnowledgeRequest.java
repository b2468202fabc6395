package com.voicecore.interfaces.rest.receptionist;

/** Create or replace a knowledge-base entry (validated as the application's KnowledgeDraft). */
public record KnowledgeRequest(String question, String answer, String keywords, String category, String language,
                               Integer priority, Boolean active) {
}
