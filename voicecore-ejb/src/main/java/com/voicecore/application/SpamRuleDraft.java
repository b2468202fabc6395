package com.voicecore.application;

import com.voicecore.domain.model.spam.SpamRule;

/** A new spam rule as an admin or integrator describes it. */
public record SpamRuleDraft(SpamRule.Type type, String value, SpamRule.Action action, int weight, String description) {
}
