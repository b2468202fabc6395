package com.voicecore.domain.model.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's knowledge base, its search, and the suggestions awaiting an admin. */
public interface KnowledgeRepository {

    /**
     * Active entries in that language matching the caller's words, best first: full-text match in the
     * language's text-search configuration (stemmed, any of the caller's words), weighted by priority and
     * learned rank. Entries below {@code minRelevance} are left out.
     */
    List<KnowledgeMatch> search(String query, String language, int limit, double minRelevance);

    Optional<KnowledgeEntry> find(UUID id);

    List<KnowledgeEntry> list(String language, String category, int limit, int offset);

    long count();

    List<String> categories();

    /** A few entries per language, most useful first: the topics a brief mentions. */
    List<KnowledgeEntry> topEntries(String language, int limit);

    void add(KnowledgeEntry entry);

    /** The receptionist gave this entry's answer (one statement: a turn's hot path); counted once per call by {@link #learn}. */
    void recordUse(UUID entryId, java.time.Instant at);

    /**
     * A call that used these entries ended: each counts one use, and one resolved or transferred call
     * by the outcome (atomic increments: calls ending at once, or an admin saving the entry, lose none).
     */
    void learn(java.util.Collection<UUID> entriesUsedInOneCall, com.voicecore.domain.model.conversation.Outcome outcome);

    void remove(KnowledgeEntry entry);

    Optional<KnowledgeSuggestion> findSuggestion(UUID id);

    /** The suggestion, locked until the transaction ends: two admins deciding it at once decide it once. */
    Optional<KnowledgeSuggestion> lockSuggestion(UUID id);

    Optional<KnowledgeSuggestion> pendingSuggestion(String language, String normalizedQuestion);

    List<KnowledgeSuggestion> suggestions(KnowledgeSuggestion.Status status, int limit);

    void add(KnowledgeSuggestion suggestion);

    /**
     * Adds the caller's question to the pending suggestion with its wording, or makes it one: a single
     * statement, so two calls asking the same new question at once merge instead of colliding.
     */
    void suggest(KnowledgeSuggestion asked);
}
