package com.voicecore.application;

import com.voicecore.domain.model.spam.SpamReport;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.spam.SpamVerdict;

import java.util.List;
import java.util.UUID;

/** The current tenant's spam rules, allow and block lists, and spam reports. */
public interface SpamService {

    List<SpamRule> rules();

    SpamRule addRule(SpamRuleDraft draft);

    /** Replaces a rule's type, value, action, weight and description, checked like a new rule's. */
    SpamRule changeRule(UUID id, SpamRuleDraft draft);

    /** Switches a rule on or off; an inactive rule takes no part in screening. */
    SpamRule switchRule(UUID id, boolean active);

    void removeRule(UUID id);

    SpamReport report(String number, String reason, UUID callId);

    List<SpamReport> reports();

    /** How a call from this number would be screened right now (the console's "test a number"). */
    SpamVerdict test(String from, String to, String stirVerstat);
}
