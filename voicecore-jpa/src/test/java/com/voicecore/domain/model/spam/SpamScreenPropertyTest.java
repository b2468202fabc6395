package com.voicecore.domain.model.spam;

import com.voicecore.domain.model.spam.SpamGenerators.GeneratedRule;
import com.voicecore.domain.model.spam.SpamGenerators.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

class SpamScreenPropertyTest {

    @Test
    @DisplayName("Property 7: Spam Detection and Action (screening policy)")
    void screeningFollowsTheRulesAndTheSignals() {
        qt().withExamples(500).forAll(SpamGenerators.scenarios()).checkAssert(s -> {
            List<SpamRule> rules = s.rules().stream().map(GeneratedRule::rule).toList();
            SpamScreen screen = new SpamScreen(rules, s.thresholds());
            SpamVerdict v = screen.assess(s.profile());
            String where = s + " -> " + v;

            assertTrue(v.score() >= 0 && v.score() <= 100, where);
            assertEquals(v, new SpamScreen(rules, s.thresholds()).assess(s.profile()), "deterministic: " + where);

            // reasons name every matched rule, and no rule that did not match
            for (GeneratedRule r : s.rules()) {
                boolean named = v.reasons().stream().anyMatch(reason -> reason.startsWith(reasonOf(r.rule())));
                assertEquals(r.matches(), named, r + " named? " + where);
            }

            if (s.matches(SpamRule.Action.ALLOW)) {
                assertEquals(SpamAction.ALLOW, v.action(), "allow-listed: " + where);
                assertEquals(0, v.score(), where);
                assertTrue(v.isAllowListed() && !v.isSpam(), where);
                return;
            }
            assertFalse(v.isAllowListed(), where);
            if (s.matches(SpamRule.Action.BLOCK)) {
                assertEquals(SpamAction.BLOCK, v.action(), "block rule: " + where);
                assertTrue(v.isSpam(), where);
            } else if (s.matches(SpamRule.Action.CHALLENGE) && !s.fullyAttested()) {
                assertTrue(v.action().compareTo(SpamAction.CHALLENGE) >= 0, "challenge rule: " + where);
            }
            if (s.fullyAttested()) {
                assertNotEquals(SpamAction.CHALLENGE, v.action(), "A-attested callers are never challenged: " + where);
            }
            if (v.score() >= s.thresholds().blockAt()) {
                assertEquals(SpamAction.BLOCK, v.action(), where);
            }

            if (s.raisesNoSignal()) {
                // then the score is the matched weights, less A-attestation's credit
                int weights = s.matching().stream().mapToInt(r -> r.rule().weight()).sum();
                int credit = s.fullyAttested() ? SpamScreen.STIR_A_WEIGHT : 0;
                assertEquals(Math.max(0, Math.min(100, weights + credit)), v.score(), where);
                if (s.matching().isEmpty()) {
                    assertEquals(SpamAction.ALLOW, v.action(), "nothing matched, no signal: " + where);
                    assertEquals(0, v.score(), where);
                    assertFalse(v.isSpam(), where);
                }
            }
        });
    }

    @Test
    void keywordsOnlyEverRaiseAVerdictAndLeaveTheAllowListAlone() {
        List<String> phrases = List.of("extended warranty", "social security number", "free cruise");
        qt().withExamples(300).forAll(SpamGenerators.scenarios(), SpamGenerators.utterances(phrases)).checkAssert((s, said) -> {
            List<SpamRule> rules = new java.util.ArrayList<>(s.rules().stream().map(GeneratedRule::rule).toList());
            rules.add(new SpamRule(SpamRule.Type.KEYWORD, "extended warranty", SpamRule.Action.FLAG, 30, null));
            rules.add(new SpamRule(SpamRule.Type.KEYWORD, "social security number", SpamRule.Action.CHALLENGE, 25, null));
            SpamScreen screen = new SpamScreen(rules, s.thresholds());
            SpamVerdict before = screen.assess(s.profile());
            SpamVerdict after = screen.assessUtterance(before, said);
            String where = s + " said '" + said + "': " + before + " -> " + after;

            assertTrue(after.score() >= 0 && after.score() <= 100, where);
            assertTrue(after.action().compareTo(before.action()) >= 0, where);
            assertTrue(after.reasons().containsAll(before.reasons()), where);
            assertEquals(after, screen.assessUtterance(after, said), "a phrase counts once per call: " + where);
            if (before.isAllowListed()) {
                assertEquals(SpamAction.ALLOW, after.action(), where);
                assertEquals(0, after.score(), where);
            } else {
                assertTrue(after.score() >= before.score(), where);
                String lower = said.toLowerCase(Locale.ROOT).replace('-', ' ');
                if (lower.contains("social security number")) {
                    assertTrue(after.action().compareTo(SpamAction.CHALLENGE) >= 0, where);
                }
                if (phrases.stream().noneMatch(lower::contains)) {
                    assertEquals(before, after, where);
                }
            }
        });
    }

    private static String reasonOf(SpamRule rule) {
        String value = rule.type() == SpamRule.Type.KEYWORD ? "\"" + rule.value() + "\"" : rule.value();
        return "matches " + rule.action().name().toLowerCase(Locale.ROOT) + " rule: "
                + rule.type().name().toLowerCase(Locale.ROOT) + " " + value + " (weight " + rule.weight() + ")";
    }
}
