package com.voicecore.application;

import com.voicecore.domain.model.spam.SpamRule;

/**
 * A spam rule as an admin or integrator describes it, for a new rule or to replace one. {@code active}
 * null: a new rule is on, an edited one keeps its state.
 */
public record SpamRuleDraft(SpamRule.Type type, String value, SpamRule.Action action, int weight, String description,
                            Boolean active) {

    public SpamRuleDraft(SpamRule.Type type, String value, SpamRule.Action action, int weight, String description) {
        this(type, value, action, weight, description, null);
    }
}
