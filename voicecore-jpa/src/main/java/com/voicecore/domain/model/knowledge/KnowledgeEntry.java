package com.voicecore.domain.model.knowledge;

import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.Outcome;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A question and its answer the receptionist may give (the seed's knowledge_base), with alternative
 * wordings (keywords) searched like the question, and what calls taught about it: how often it was
 * given and how those calls ended. Its search vector is computed by the database per language.
 */
@Entity
@Table(name = "knowledge_base")
@NamedQuery(name = "KnowledgeEntry.findActive",
        query = "select k from KnowledgeEntry k where k.active = true order by k.priority desc, k.id")
@NamedQuery(name = "KnowledgeEntry.categories",
        query = "select distinct k.category from KnowledgeEntry k where k.active = true and k.category is not null order by k.category")
public class KnowledgeEntry extends TimestampedTenantEntity {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PRIORITY = 100;

    @Column(name = "question", nullable = false)
    private String question;

    @Column(name = "answer", nullable = false)
    private String answer;

    @Column(name = "keywords", nullable = false)
    private String keywords = "";

    @Column(name = "category", length = 100)
    private String category;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    // What calls taught: read-only here, changed only by the repository's atomic increments
    // (KnowledgeRepository.recordUse / learn), so that saving an edited entry cannot overwrite them.
    @Column(name = "times_used", nullable = false, insertable = false, updatable = false)
    private int timesUsed;

    @Column(name = "times_resolved", nullable = false, insertable = false, updatable = false)
    private int timesResolved;

    @Column(name = "times_transferred", nullable = false, insertable = false, updatable = false)
    private int timesTransferred;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected KnowledgeEntry() {
    }

    public KnowledgeEntry(String question, String answer, String category, String language, int priority) {
        revise(question, answer);
        this.language = LanguageCode.normalise(Objects.requireNonNull(language, "language"));
        categorise(category, priority);
    }

    public void revise(String newQuestion, String newAnswer) {
        if (newQuestion == null || newQuestion.isBlank() || newAnswer == null || newAnswer.isBlank()) {
            throw new IllegalArgumentException("A knowledge entry needs a question and an answer");
        }
        this.question = newQuestion.strip();
        this.answer = newAnswer.strip();
    }

    public void categorise(String newCategory, int newPriority) {
        if (newPriority < 0 || newPriority > MAX_PRIORITY) {
            throw new IllegalArgumentException("Priority is between 0 and " + MAX_PRIORITY);
        }
        this.category = newCategory == null || newCategory.isBlank() ? null : newCategory.strip();
        this.priority = newPriority;
    }

    public void relanguage(String newLanguage) {
        this.language = LanguageCode.normalise(newLanguage);
    }

    /** Other wordings callers use for the same question, searched like the question itself. */
    public void rephrase(String newKeywords) {
        this.keywords = newKeywords == null ? "" : newKeywords.strip();
    }

    /** Adds a caller's wording (an approved suggestion) to the entry's alternatives. */
    public void learnWording(String wording) {
        if (wording == null || wording.isBlank() || keywords.contains(wording.strip())) {
            return;
        }
        String joined = keywords.isEmpty() ? wording.strip() : keywords + "; " + wording.strip();
        keywords = joined.length() > MAX_TEXT ? keywords : joined;
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    /**
     * What calls taught about this answer, in [0, 1]: resolved uses over all uses, smoothed so an
     * entry never given starts at one half and one lucky call does not make it the best.
     */
    public double learnedRank() {
        return learnedRank(timesUsed, timesResolved);
    }

    public static double learnedRank(int used, int resolved) {
        return (resolved + 1.0) / (Math.max(used, resolved) + 2.0);
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    public String keywords() {
        return keywords;
    }

    public Optional<String> category() {
        return Optional.ofNullable(category);
    }

    public String language() {
        return language;
    }

    public int priority() {
        return priority;
    }

    public boolean isActive() {
        return active;
    }

    public int timesUsed() {
        return timesUsed;
    }

    public int timesResolved() {
        return timesResolved;
    }

    public int timesTransferred() {
        return timesTransferred;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }
}
