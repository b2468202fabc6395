package com.voicecore.domain.model.spam;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.voicecore.domain.model.spam.SpamRule.Action.BLOCK;
import static com.voicecore.domain.model.spam.SpamRule.Action.CHALLENGE;
import static com.voicecore.domain.model.spam.SpamRule.Type.KEYWORD;
import static com.voicecore.domain.model.spam.SpamRule.Type.NUMBER;
import static com.voicecore.domain.model.spam.SpamRule.Type.PATTERN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant-written patterns run on every call: none may hang, exhaust or crash the server. */
class SpamPatternSafetyTest {

    private static final String TENANT = "+14155550100";

    private static SpamRule pattern(String regex) {
        return new SpamRule(PATTERN, regex, BLOCK, 50, null);
    }

    private static CallerProfile caller(String from) {
        return new CallerProfile(from, TENANT, Optional.empty(), 0, 0);
    }

    @Test
    void catastrophicBacktrackingPatternsFinishQuickly() {
        // java.util.regex takes exponential time on each of these inputs where the pattern does not match;
        // RE2 takes linear time whatever the pattern
        String digitsThenX = "+" + "1".repeat(CallerProfile.MAX_CALLER_ID_LENGTH - 2) + "x";
        String allDigits = "+" + "1".repeat(CallerProfile.MAX_CALLER_ID_LENGTH - 1);
        String as = "a".repeat(CallerProfile.MAX_CALLER_ID_LENGTH);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            SpamScreen s = new SpamScreen(List.of(pattern("(\\d+)+$"), pattern("^\\+(\\d+)+y$"), pattern("^\\+(\\d|\\d\\d)+[a-z]$"),
                    pattern("(a|aa)+b"), pattern("(a+)+$"), pattern("(x+x+)+y")), SpamThresholds.defaults());
            assertEquals(List.of("matches block rule: pattern ^\\+(\\d|\\d\\d)+[a-z]$ (weight 50)",
                    "caller ID withheld or unreadable (+15)"), s.assess(caller(digitsThenX)).reasons());
            assertEquals(List.of("matches block rule: pattern (\\d+)+$ (weight 50)", "caller ID is not a number that can exist (+30)"),
                    s.assess(caller(allDigits)).reasons());
            assertEquals(List.of("matches block rule: pattern (a+)+$ (weight 50)", "caller ID withheld or unreadable (+15)"),
                    s.assess(caller(as)).reasons());
            assertEquals(s.assess(caller(as)), s.assess(caller("a".repeat(1_000_000) + "b")),
                    "cut to 64 characters first: the b is never seen");
        });
    }

    @Test
    void theCallerIdIsBoundedBeforeAnyRuleSeesIt() {
        SpamScreen s = new SpamScreen(List.of(pattern("!$"), new SpamRule(NUMBER, "x".repeat(65), BLOCK, 50, null)),
                SpamThresholds.defaults());
        SpamVerdict v = s.assess(caller("x".repeat(100) + "!"));
        assertEquals(SpamScreen.WITHHELD_WEIGHT, v.score(), "nothing past the bound matches: " + v);
    }

    @Test
    void aPatternThatExpandsHugelyIsRefusedBeforeItIsCompiled() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String bomb : List.of("(a{999}){999}", "((a{100}){100}){100}", "((((((\\d{9}){9}){9}){9}){9}){9})",
                    "(\\Q...\\E{999}){999}", "([0-9]{1000}){1000}", "(\\p{L}{500}){500}", ("(x{999})").repeat(20))) {
                Optional<String> problem = SpamScreen.patternProblem(bomb);
                assertTrue(problem.orElse("").contains("too large"), bomb + ": " + problem);
                SpamScreen s = new SpamScreen(List.of(pattern(bomb)), SpamThresholds.defaults());
                assertEquals(1, s.problems().size(), bomb);
            }
        });
        assertEquals(Optional.empty(), SpamScreen.patternProblem("^\\+1\\d{10}$"));
        assertEquals(Optional.empty(), SpamScreen.patternProblem("(\\d{3}){3}"));
        assertEquals(Optional.empty(), SpamScreen.patternProblem("^\\+?(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$"));
    }

    @Test
    void theSizeEstimateNeverUnderstatesNestedRepetition() {
        assertTrue(RegexSize.estimate("(a{999}){999}") >= 999L * 999);
        assertTrue(RegexSize.estimate("((a{10}){10}){10}") >= 1000);
        assertTrue(RegexSize.estimate("(?:a{10,20}){10}") >= 200);
        assertTrue(RegexSize.estimate("(a{999}\\Q)\\E){999}") >= 999L * 999, "\\Q...\\E hides no bracket");
        assertTrue(RegexSize.estimate("([)]{999}){999}") >= 999L * 999, "a bracket in a class closes nothing");
        assertTrue(RegexSize.estimate("([]){999}]{999}){999}") >= 999L * 999, "']' first in a class is literal");
        assertTrue(RegexSize.estimate("abc") >= 3);
    }

    @Test
    void invalidPatternsAreExplainedAndSkippedNotThrown() {
        for (String invalid : List.of("(", "[a-", "a{1001}", "*a", "a**", "(?<name", "\\")) {
            assertTrue(SpamScreen.patternProblem(invalid).orElse("").startsWith("not a valid regular expression"),
                    invalid + ": " + SpamScreen.patternProblem(invalid));
        }
        assertEquals(Optional.of("a pattern rule needs a regular expression"), SpamScreen.patternProblem(" "));
        assertEquals(Optional.of("a pattern rule needs a regular expression"), SpamScreen.patternProblem(null));
        assertTrue(SpamScreen.patternProblem("a".repeat(501)).orElseThrow().contains("longer than 500"));

        SpamScreen s = new SpamScreen(List.of(pattern("(unclosed"), new SpamRule(NUMBER, "+1900*", CHALLENGE, 10, null)),
                SpamThresholds.defaults());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("skipped pattern rule (unclosed: not a valid regular expression"), s.problems()::toString);
        SpamVerdict v = s.assess(caller("+19005550123"));
        assertEquals(SpamAction.CHALLENGE, v.action(), "the other rules still screen");
        assertEquals(s.problems().get(0), v.reasons().get(v.reasons().size() - 1), "and the verdict says a rule was skipped");
    }

    @Test
    void backReferencesAndLookaroundAreRefusedWithTheReason() {
        // the tenant defaults' repeated-digit rule is written with a back-reference
        String problem = SpamScreen.patternProblem("^\\+?([0-9])\\1{6,}$").orElseThrow();
        assertTrue(problem.contains("back-references such as \\1 are not supported"), problem);
        String lookahead = SpamScreen.patternProblem("^(?!\\+1)").orElseThrow();
        assertTrue(lookahead.contains("look-ahead and look-behind are not supported"), lookahead);
        String lookbehind = SpamScreen.patternProblem("(?<=1)2").orElseThrow();
        assertTrue(lookbehind.contains("look-ahead and look-behind are not supported"), lookbehind);
    }

    @Test
    void rulesAreCheckedBeforeTheyAreStored() {
        assertEquals(Optional.empty(), SpamScreen.ruleProblem(NUMBER, "+1900*", BLOCK));
        assertEquals(Optional.of("a spam rule needs a value"), SpamScreen.ruleProblem(NUMBER, " ", BLOCK));
        assertTrue(SpamScreen.ruleProblem(PATTERN, "(", BLOCK).isPresent());
        assertEquals(Optional.empty(), SpamScreen.ruleProblem(PATTERN, "^\\+1900", BLOCK));
        assertEquals(Optional.empty(), SpamScreen.ruleProblem(KEYWORD, "extended warranty", SpamRule.Action.FLAG));
        assertTrue(SpamScreen.ruleProblem(KEYWORD, "--", BLOCK).isPresent());
        assertTrue(SpamScreen.ruleProblem(KEYWORD, "let me in", SpamRule.Action.ALLOW).orElseThrow().contains("anyone can say it"));
    }

    @Test
    void theDefaultRepeatedDigitRuleHasAnRe2Equivalent() {
        SpamScreen s = new SpamScreen(List.of(new SpamRule(PATTERN,
                "^\\+?(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$", CHALLENGE, 40, null)),
                SpamThresholds.defaults());
        assertEquals(List.of(), s.problems());
        assertTrue(s.assess(caller("+1111111111")).reasons().get(0).startsWith("matches challenge rule"));
        assertEquals(SpamAction.ALLOW, s.assess(caller("+12125551234")).action());
    }
}
