package com.voicecore.domain.model.knowledge;

import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A question callers asked that the knowledge base could not answer, with how often it was asked and,
 * when a weaker entry came close, that entry's answer as a draft. Nothing is published until an admin
 * approves it (with an answer of their own or the draft); rejected suggestions stay rejected.
 */
@Entity
@Table(name = "knowledge_suggestions")
@NamedQuery(name = "KnowledgeSuggestion.byStatus",
        query = "select s from KnowledgeSuggestion s where s.status = :status order by s.occurrences desc, s.updatedAt desc")
@NamedQuery(name = "KnowledgeSuggestion.pending",
        query = "select s from KnowledgeSuggestion s where s.status = 'pending' and s.language = :language and s.normalized = :normalized")
public class KnowledgeSuggestion extends TimestampedTenantEntity {

    public static final int MAX_QUESTION = 2000;

    public enum Status {
        PENDING, APPROVED, REJECTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    @Column(name = "question", nullable = false, length = MAX_QUESTION)
    private String question;

    @Column(name = "normalized", nullable = false, length = MAX_QUESTION)
    private String normalized;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "suggested_answer")
    private String suggestedAnswer;

    @Column(name = "occurrences", nullable = false)
    private int occurrences = 1;

    @Column(name = "status", nullable = false, length = 20)
    private String status = Status.PENDING.code();

    @Column(name = "last_call_id")
    private UUID lastCallId;

    @Column(name = "entry_id")
    private UUID entryId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected KnowledgeSuggestion() {
    }

    public KnowledgeSuggestion(String question, String language, String draftAnswer, UUID callId) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("A suggestion needs the caller's question");
        }
        String q = question.strip();
        this.question = q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
        this.normalized = normalise(this.question);
        this.language = LanguageCode.normalise(language);
        this.suggestedAnswer = draftAnswer;
        this.lastCallId = callId;
    }

    /** Case, accents, punctuation and spacing do not make a different question. */
    public static String normalise(String question) {
        String folded = Normalizer.normalize(question.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return folded.length() > MAX_QUESTION ? folded.substring(0, MAX_QUESTION) : folded;
    }

    /** Another caller asked the same. */
    public void askedAgain(UUID callId, String draftAnswer) {
        occurrences++;
        lastCallId = callId;
        if (suggestedAnswer == null && draftAnswer != null) {
            suggestedAnswer = draftAnswer;
        }
    }

    /**
     * Publishes the suggestion: the admin's answer, or the draft when they give none.
     *
     * @return the answer that is published
     */
    public String approve(String answer, Instant at) {
        requirePending();
        String published = answer != null && !answer.isBlank() ? answer.strip() : suggestedAnswer;
        if (published == null || published.isBlank()) {
            throw new IllegalArgumentException("This suggestion has no draft answer: give one to approve it");
        }
        status = Status.APPROVED.code();
        decidedAt = at;
        return published;
    }

    public void publishedAs(UUID entry) {
        this.entryId = Objects.requireNonNull(entry, "entry");
    }

    public void reject(Instant at) {
        requirePending();
        status = Status.REJECTED.code();
        decidedAt = at;
    }

    private void requirePending() {
        if (!Status.PENDING.code().equals(status)) {
            throw new IllegalStateException("This suggestion was already " + status);
        }
    }

    public String question() {
        return question;
    }

    public String normalized() {
        return normalized;
    }

    public String language() {
        return language;
    }

    public Optional<String> suggestedAnswer() {
        return Optional.ofNullable(suggestedAnswer);
    }

    public int occurrences() {
        return occurrences;
    }

    public Status status() {
        return Status.fromCode(status);
    }

    public Optional<UUID> lastCallId() {
        return Optional.ofNullable(lastCallId);
    }

    public Optional<UUID> entryId() {
        return Optional.ofNullable(entryId);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }
}
