package com.voicecore.domain.model.knowledge;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;

/** A question and its answer the receptionist may give (the seed's knowledge_base). */
@Entity
@Table(name = "knowledge_base")
@NamedQuery(name = "KnowledgeEntry.findActive",
        query = "select k from KnowledgeEntry k where k.active = true order by k.priority desc, k.id")
public class KnowledgeEntry extends TimestampedTenantEntity {

    @Column(name = "question", nullable = false)
    private String question;

    @Column(name = "answer", nullable = false)
    private String answer;

    @Column(name = "category", length = 100)
    private String category;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected KnowledgeEntry() {
    }

    public KnowledgeEntry(String question, String answer, String category, String language, int priority) {
        revise(question, answer);
        this.category = category;
        this.language = Objects.requireNonNull(language, "language");
        this.priority = priority;
    }

    public void revise(String newQuestion, String newAnswer) {
        if (newQuestion == null || newQuestion.isBlank() || newAnswer == null || newAnswer.isBlank()) {
            throw new IllegalArgumentException("A knowledge entry needs a question and an answer");
        }
        this.question = newQuestion.strip();
        this.answer = newAnswer.strip();
    }

    public void deactivate() {
        active = false;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
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
}
