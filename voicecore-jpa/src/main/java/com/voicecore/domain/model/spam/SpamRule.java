package com.voicecore.domain.model.spam;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's spam rule (the seed's spam_rules): what to match, how much it weighs, what to do.
 * NUMBER rules match the caller ID exactly, or as a prefix when the value ends with '*'; PATTERN rules
 * are RE2 regular expressions found in the caller ID; KEYWORD rules are phrases the caller says. A
 * match adds the weight to the call's score, and its action is the least the call gets: FLAG adds
 * only the weight, CHALLENGE at least challenges, BLOCK blocks, ALLOW (numbers and patterns) puts the
 * caller on the allow list. {@link SpamScreen} applies them; {@link SpamScreen#ruleProblem} says
 * whether a value can be used before it is stored.
 */
@Entity
@Table(name = "spam_rules")
@NamedQuery(name = "SpamRule.findActive", query = "select r from SpamRule r where r.active = true order by r.createdAt")
public class SpamRule extends TenantOwnedEntity {

    public enum Type {
        NUMBER, PATTERN, KEYWORD
    }

    public enum Action {
        ALLOW, FLAG, CHALLENGE, BLOCK
    }

    @Column(name = "rule_type", nullable = false, length = 20)
    private String ruleType;

    @Column(name = "rule_value", nullable = false, length = 500)
    private String ruleValue;

    @Column(name = "action", nullable = false, length = 20)
    private String action;

    @Column(name = "weight", nullable = false)
    private int weight;

    @Column(name = "description", length = 200)
    private String description;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SpamRule() {
    }

    public SpamRule(Type type, String value, Action action, int weight, String description) {
        set(type, value, action, weight, description);
        this.createdAt = Instant.now();
    }

    /** An admin edits the rule in place (it keeps its id, age and on/off state); the same rules as a new one. */
    public void revise(Type type, String value, Action action, int weight, String description) {
        set(type, value, action, weight, description);
    }

    private void set(Type type, String value, Action action, int weight, String description) {
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("A spam rule weighs 0 to 100");
        }
        this.ruleType = Objects.requireNonNull(type, "type").name().toLowerCase(Locale.ROOT);
        this.ruleValue = Objects.requireNonNull(value, "value");
        this.action = Objects.requireNonNull(action, "action").name().toLowerCase(Locale.ROOT);
        this.weight = weight;
        this.description = description;
    }

    public Type type() {
        return Type.valueOf(ruleType.toUpperCase(Locale.ROOT));
    }

    public String value() {
        return ruleValue;
    }

    public Action action() {
        return Action.valueOf(action.toUpperCase(Locale.ROOT));
    }

    public int weight() {
        return weight;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description).filter(d -> !d.isBlank());
    }

    public boolean isActive() {
        return active;
    }

    /** A tenant switches a rule off rather than deleting it, to try its effect and keep its history. */
    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }
}
