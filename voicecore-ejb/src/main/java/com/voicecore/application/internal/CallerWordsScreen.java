package com.voicecore.application.internal;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.RouteStep;
import com.voicecore.domain.model.spam.SpamAction;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.domain.model.spam.SpamRuleRepository;
import com.voicecore.domain.model.spam.SpamScreen;
import com.voicecore.domain.model.spam.SpamThresholds;
import com.voicecore.domain.model.spam.SpamVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's keyword spam rules on what a caller says, for both receptionist transports (the
 * conversation policy asks it first). A changed verdict is kept on the call with a route step.
 */
@ApplicationScoped
public class CallerWordsScreen {

    @Inject
    SpamRuleRepository spamRules;

    @Inject
    Clock clock;

    /** Whether these words make the call one to end (the verdict, changed or not, is on the call). */
    public boolean blocks(Call call, String words) {
        SpamVerdict before = new SpamVerdict(call.spamScore().orElse(0), call.spamReasons(),
                call.spamAction().map(a -> SpamAction.valueOf(a.toUpperCase(Locale.ROOT))).orElse(SpamAction.ALLOW));
        // only keyword rules judge words: number and pattern rules were applied when the call came in
        List<SpamRule> keywords = spamRules.activeRules().stream().filter(r -> r.type() == SpamRule.Type.KEYWORD).toList();
        if (keywords.isEmpty()) {
            return false;
        }
        SpamVerdict after = new SpamScreen(keywords, SpamThresholds.defaults()).assessUtterance(before, words);
        if (after.equals(before)) {
            return false;
        }
        call.screened(after.score(), after.action().name().toLowerCase(Locale.ROOT), after.reasons());
        List<String> added = after.reasons().stream().filter(r -> !before.reasons().contains(r)).toList();
        call.recordStep(RouteStep.SPAM, "caller said: " + String.join("; ", added) + " -> "
                + after.action().name().toLowerCase(Locale.ROOT) + " (score " + after.score() + ")", clock.instant());
        return after.action() == SpamAction.BLOCK;
    }
}
