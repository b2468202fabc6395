package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's transfer rule: callers who say one of its phrases ("invoice", "billing", "payment")
 * are handed to its target (a department, an agent, a department's voicemail, or customer service).
 * A phrase matches only as whole words of what the caller said, both folded the way
 * {@link IntentRecognizer} folds caller text ("Invoices?" is not "invoice", "rebilling" is not
 * "billing"). Rules are tried in ascending {@link #position()}; see {@link TransferRules}.
 */
@Entity
@Table(name = "transfer_rules")
@NamedQuery(name = "TransferRule.findAll", query = "select r from TransferRule r order by r.position, r.createdAt, r.id")
public class TransferRule extends TimestampedTenantEntity {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_PHRASES = 20;
    public static final int MAX_PHRASE = 100;
    public static final int MAX_POSITION = 9999;

    public enum TargetKind {
        /** a department: its queue or agents, as its situation gives */
        DEPARTMENT,
        /** one agent */
        AGENT,
        /** a department's voicemail */
        VOICEMAIL,
        /** customer service: the reception (the "operator") */
        OPERATOR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static TargetKind fromCode(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }

        /** Whether this kind names a department or agent by id. */
        public boolean needsTarget() {
            return this != OPERATOR;
        }
    }

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "description", length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "phrases", nullable = false, length = 2100)
    private String phrases;

    @Column(name = "target_kind", nullable = false, length = 20)
    private String targetKind;

    @Column(name = "target_id")
    private UUID targetId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected TransferRule() {
    }

    public TransferRule(String name, String description, List<String> phrases, TargetKind kind, UUID targetId, int position) {
        revise(name, description, phrases, kind, targetId, position);
    }

    /**
     * Sets everything an admin edits, after checking it all: a name (at most {@value #MAX_NAME}
     * characters), 1 to {@value #MAX_PHRASES} phrases of at most {@value #MAX_PHRASE} characters
     * each with at least one letter or digit, a target id exactly when the kind needs one, a position
     * 0 to {@value #MAX_POSITION}. Nothing changes when anything is refused.
     */
    public void revise(String newName, String newDescription, List<String> newPhrases, TargetKind kind, UUID newTargetId,
                       int newPosition) {
        String n = newName == null ? "" : newName.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("A transfer rule needs a name");
        }
        if (n.length() > MAX_NAME) {
            throw new IllegalArgumentException("A rule's name has at most " + MAX_NAME + " characters");
        }
        String d = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A rule's description has at most " + MAX_DESCRIPTION + " characters");
        }
        List<String> p = checkedPhrases(newPhrases);
        Objects.requireNonNull(kind, "A rule needs a target");
        if (kind.needsTarget() != (newTargetId != null)) {
            throw new IllegalArgumentException(kind.needsTarget() ? "Choose the rule's " + (kind == TargetKind.AGENT ? "agent" : "department")
                    : "Customer service needs no department or agent");
        }
        if (newPosition < 0 || newPosition > MAX_POSITION) {
            throw new IllegalArgumentException("A rule's order is 0 to " + MAX_POSITION);
        }
        this.name = n;
        this.description = d;
        this.phrases = String.join("\n", p);
        this.targetKind = kind.code();
        this.targetId = newTargetId;
        this.position = newPosition;
    }

    /**
     * The phrases an admin typed as one text: separated by commas, semicolons or new lines, blanks
     * and repeats dropped (not yet checked: {@link #revise} does that).
     */
    public static List<String> splitPhrases(String text) {
        if (text == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\n\\r]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }

    private static List<String> checkedPhrases(List<String> given) {
        if (given == null) {
            throw new IllegalArgumentException("A transfer rule needs at least one phrase");
        }
        List<String> out = new ArrayList<>();
        for (String raw : given) {
            String p = raw == null ? "" : raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > MAX_PHRASE) {
                throw new IllegalArgumentException("A phrase has at most " + MAX_PHRASE + " characters");
            }
            if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("A phrase is one line");
            }
            if (Utterance.fold(p).isBlank()) {
                throw new IllegalArgumentException("A phrase needs a letter or a digit: " + p);
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("A transfer rule needs at least one phrase");
        }
        if (out.size() > MAX_PHRASES) {
            throw new IllegalArgumentException("A rule has at most " + MAX_PHRASES + " phrases");
        }
        return out;
    }

    /** Whether the caller's words contain one of this rule's phrases as whole words (on or off alike). */
    public boolean matches(String utterance) {
        if (utterance == null || utterance.isBlank()) {
            return false;
        }
        String folded = Utterance.fold(utterance);
        return phrases().stream().anyMatch(p -> Utterance.has(folded, p));
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public List<String> phrases() {
        return List.of(phrases.split("\n"));
    }

    public TargetKind targetKind() {
        return TargetKind.fromCode(targetKind);
    }

    public Optional<UUID> targetId() {
        return Optional.ofNullable(targetId);
    }

    public int position() {
        return position;
    }

    public boolean isActive() {
        return active;
    }

    /** Switched off, a rule stays listed but hands nobody over. */
    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }
}
