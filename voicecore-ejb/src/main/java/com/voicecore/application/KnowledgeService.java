package com.voicecore.application;

import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * The tenant's knowledge base (integrators and the console) and the learning loop: suggestions from
 * unanswered questions are published only when an admin approves them.
 */
public interface KnowledgeService {

    List<KnowledgeEntry> list(String language, String category, int limit, int offset);

    KnowledgeEntry get(@NotNull UUID id);

    KnowledgeEntry create(@NotNull @Valid KnowledgeDraft draft);

    KnowledgeEntry update(@NotNull UUID id, @NotNull @Valid KnowledgeDraft draft);

    void delete(@NotNull UUID id);

    List<String> categories();

    /** What the receptionist would answer to these words (no call, nothing recorded). */
    List<KnowledgeAnswer> search(@NotNull String query, @NotNull String language, int limit);

    List<KnowledgeSuggestion> suggestions(KnowledgeSuggestion.Status status, int limit);

    /**
     * Publishes a suggestion as a new entry (the admin's answer, else the draft), or — with
     * {@code attachTo} — adds the caller's wording to an existing entry.
     */
    KnowledgeEntry approve(@NotNull UUID suggestionId, @NotNull @Valid SuggestionApproval approval);

    KnowledgeSuggestion reject(@NotNull UUID suggestionId);
}
