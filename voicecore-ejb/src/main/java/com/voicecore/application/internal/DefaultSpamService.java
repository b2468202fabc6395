package com.voicecore.application.internal;

import com.voicecore.application.SpamRuleDraft;
import com.voicecore.application.SpamService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.spam.SpamReport;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.spam.SpamRuleRepository;
import com.voicecore.domain.model.spam.SpamScreen;
import com.voicecore.domain.model.spam.SpamVerdict;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Stateless
public class DefaultSpamService implements SpamService {

    @Inject
    SpamRuleRepository spam;

    @Inject
    CallRepository calls;

    @Inject
    CallerScreening screening;

    @Inject
    Clock clock;

    @Override
    public List<SpamRule> rules() {
        return spam.allRules();
    }

    @Override
    public SpamRule addRule(SpamRuleDraft draft) {
        return store(checked(draft, () -> new SpamRule(draft.type(), draft.value(), draft.action(), draft.weight(),
                draft.description())), draft.active());
    }

    @Override
    public SpamRule changeRule(UUID id, SpamRuleDraft draft) {
        SpamRule rule = rule(id);
        return store(checked(draft, () -> {
            rule.revise(draft.type(), draft.value(), draft.action(), draft.weight(), draft.description());
            return rule;
        }), draft.active());
    }

    @Override
    public SpamRule switchRule(UUID id, boolean active) {
        return store(rule(id), active);
    }

    /** Stores the rule, switched on or off as asked ({@code null}: as it is). */
    private SpamRule store(SpamRule rule, Boolean active) {
        if (Boolean.FALSE.equals(active)) {
            rule.deactivate();
        } else if (Boolean.TRUE.equals(active)) {
            rule.activate();
        }
        spam.store(rule);
        return rule;
    }

    /** One check for new and edited rules, so both refuse the same drafts with the same messages. */
    private static SpamRule checked(SpamRuleDraft draft, Supplier<SpamRule> made) {
        SpamScreen.ruleProblem(draft.type(), draft.value(), draft.action()).ifPresent(problem -> {
            throw new InvalidValueException("value", problem);
        });
        try {
            return made.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("weight", e.getMessage());
        }
    }

    private SpamRule rule(UUID id) {
        return spam.rule(id).orElseThrow(() -> new UnknownEntityException("spam rule", id));
    }

    @Override
    public void removeRule(UUID id) {
        spam.remove(rule(id));
    }

    @Override
    public SpamReport report(String number, String reason, UUID callId) {
        if (com.voicecore.domain.model.shared.PhoneNumber.tryParse(number).isEmpty()) {
            throw new InvalidValueException("number", "A number to report is in E.164, e.g. +14155550100");
        }
        if (callId != null && calls.find(callId).isEmpty()) {
            throw new InvalidValueException("callId", "No call with id " + callId);
        }
        return spam.report(new SpamReport(number, reason, callId));
    }

    @Override
    public List<SpamReport> reports() {
        return spam.reports(200);
    }

    @Override
    public SpamVerdict test(String from, String to, String stirVerstat) {
        return screening.screen(from, to, stirVerstat, clock.instant(), "");
    }
}
