package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The receptionist's conversation on one call. Its rules: the caller's language is fixed by the first
 * utterance and never changes afterwards (Property 4); unsuccessful attempts are counted and the
 * third one, exactly, hands the caller to customer service (Property 6); turns are numbered in order.
 */
@Entity
@Table(name = "conversations")
@NamedQuery(name = "Conversation.byCall", query = "select c from Conversation c where c.callId = :callId")
public class Conversation extends TenantOwnedEntity {

    /** Unsuccessful attempts to help before the caller goes to customer service. */
    public static final int MAX_FAILED_ATTEMPTS = 3;

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "transport", nullable = false, length = 20)
    private String transport;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "language_fixed", nullable = false)
    private boolean languageFixed;

    @Column(name = "detected_language", length = 10)
    private String detectedLanguage;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "turn_count", nullable = false)
    private int turnCount;

    @Column(name = "answers", nullable = false)
    private int answers;

    @Column(name = "outcome", length = 20)
    private String outcome;

    @Column(name = "outcome_detail", length = 300)
    private String outcomeDetail;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Conversation() {
    }

    public Conversation(UUID callId, String transport, String defaultLanguage, Instant startedAt) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.transport = transport == null ? "turn_based" : transport;
        this.language = LanguageCode.normalise(Objects.requireNonNull(defaultLanguage, "defaultLanguage"));
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * Fixes the conversation's language from the caller's first utterance whose language is clear: the
     * detected language when the tenant serves it, otherwise the tenant's default. Once fixed, nothing
     * changes it.
     *
     * @return the outcome of the choice: whether it was made now and whether the caller's language is served
     */
    public LanguageChoice chooseLanguage(Optional<String> detected, ServedLanguages served) {
        LanguageChoice choice = previewLanguage(detected, served);
        if (choice.madeNow()) {
            languageFixed = true;
            detectedLanguage = choice.detected().orElse(null);
            language = choice.language();
        }
        return choice;
    }

    /**
     * The choice {@link #chooseLanguage} would make, without making it: a transport that must tell its
     * speech engine the language before the turn is stored (the realtime session) asks this with the
     * same words it stores the turn with later.
     */
    public LanguageChoice previewLanguage(Optional<String> detected, ServedLanguages served) {
        if (languageFixed) {
            return new LanguageChoice(language, Optional.ofNullable(detectedLanguage), false, true);
        }
        if (detected.isEmpty()) {
            // unsure (a word or two): keep the default and decide on a later utterance
            return new LanguageChoice(language, Optional.empty(), false, true);
        }
        Optional<String> code = detected.map(LanguageCode::normalise);
        boolean isServed = code.map(served::serves).orElse(true);
        return new LanguageChoice(code.filter(served::serves).orElse(served.defaultLanguage()), code, true, isServed);
    }

    /** The choice the first utterance made (or would make). */
    public record LanguageChoice(String language, Optional<String> detected, boolean madeNow, boolean served) {
    }

    /**
     * One more unsuccessful attempt to help (not understood, no answer, no such person).
     *
     * @return true exactly when this was the {@value #MAX_FAILED_ATTEMPTS}rd: now transfer to customer service
     */
    public boolean failedAttempt() {
        failedAttempts++;
        return failedAttempts == MAX_FAILED_ATTEMPTS;
    }

    /** The number the next turn gets (1, 2, …). */
    public int nextTurn() {
        return ++turnCount;
    }

    /** The receptionist answered a question from the knowledge base. */
    public void answered() {
        answers++;
    }

    public int answers() {
        return answers;
    }

    /** How it ended; a finished conversation keeps its outcome. */
    public void conclude(Outcome result, String detail) {
        if (finishedAt != null) {
            return;
        }
        this.outcome = Objects.requireNonNull(result, "result").code();
        this.outcomeDetail = detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail;
    }

    /** The call ended: an open conversation concludes as resolved when it answered something, else abandoned. */
    public void finish(Instant at) {
        if (finishedAt != null) {
            return;
        }
        if (outcome == null) {
            outcome = (answers > 0 ? Outcome.RESOLVED : Outcome.ABANDONED).code();
        }
        finishedAt = at;
    }

    public UUID callId() {
        return callId;
    }

    public String transport() {
        return transport;
    }

    public String language() {
        return language;
    }

    public boolean isLanguageFixed() {
        return languageFixed;
    }

    public Optional<String> detectedLanguage() {
        return Optional.ofNullable(detectedLanguage);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public int turnCount() {
        return turnCount;
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome).map(Outcome::fromCode);
    }

    public Optional<String> outcomeDetail() {
        return Optional.ofNullable(outcomeDetail);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public boolean isFinished() {
        return finishedAt != null;
    }
}
