package com.voicecore.domain.model.spam;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.voicecore.domain.model.spam.SpamRule.Action.ALLOW;
import static com.voicecore.domain.model.spam.SpamRule.Action.BLOCK;
import static com.voicecore.domain.model.spam.SpamRule.Action.CHALLENGE;
import static com.voicecore.domain.model.spam.SpamRule.Action.FLAG;
import static com.voicecore.domain.model.spam.SpamRule.Type.KEYWORD;
import static com.voicecore.domain.model.spam.SpamRule.Type.NUMBER;
import static com.voicecore.domain.model.spam.SpamRule.Type.PATTERN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamScreenTest {

    private static final String TENANT = "+14155550100";
    private static final String CALLER = "+12125551234";
    private static final SpamThresholds DEFAULTS = SpamThresholds.defaults();
    private static final StirVerification PASSED_A = new StirVerification(true, StirAttestation.A);

    private static SpamRule rule(SpamRule.Type type, String value, SpamRule.Action action, int weight) {
        return new SpamRule(type, value, action, weight, null);
    }

    private static SpamScreen screen(SpamRule... rules) {
        return new SpamScreen(List.of(rules), DEFAULTS);
    }

    private static CallerProfile caller(String from) {
        return new CallerProfile(from, TENANT, Optional.empty(), 0, 0);
    }

    private static CallerProfile caller(String from, StirVerification stir) {
        return new CallerProfile(from, TENANT, Optional.of(stir), 0, 0);
    }

    @Test
    void aCleanCallerIsAllowedWithScoreZeroAndNoReasons() {
        SpamVerdict v = screen().assess(caller(CALLER));
        assertEquals(new SpamVerdict(0, List.of(), SpamAction.ALLOW), v);
        assertFalse(v.isSpam());
    }

    // --- rules

    @Test
    void numberRulesMatchExactlyOrByPrefix() {
        SpamScreen s = screen(rule(NUMBER, "+1900*", BLOCK, 60), rule(NUMBER, "+12125551234", FLAG, 25));
        SpamVerdict premium = s.assess(caller("+19005550123"));
        assertEquals(SpamAction.BLOCK, premium.action());
        assertEquals(60, premium.score());
        assertEquals(List.of("matches block rule: number +1900* (weight 60)"), premium.reasons());
        assertTrue(premium.isSpam());

        SpamVerdict flagged = s.assess(caller(CALLER));
        assertEquals(new SpamVerdict(25, List.of("matches flag rule: number +12125551234 (weight 25)"), SpamAction.ALLOW), flagged);
        assertTrue(flagged.isSpam(), "flagged: let through, counted as spam");

        assertEquals(0, s.assess(caller("+12125551235")).score(), "exact means exact");
        assertEquals(0, s.assess(caller("+12129005555")).score(), "a prefix is at the start");
    }

    @Test
    void numberRulesIgnoreHowPeopleWriteNumbersAndTheCaseOfWords() {
        SpamScreen s = screen(rule(NUMBER, "+1 (212) 555-1234", BLOCK, 50), rule(NUMBER, "+1 900 *", BLOCK, 50),
                rule(NUMBER, "Anonymous", CHALLENGE, 10));
        assertEquals(SpamAction.BLOCK, s.assess(caller(CALLER)).action());
        assertEquals(SpamAction.BLOCK, s.assess(caller("+19005550123")).action());
        assertEquals(SpamAction.CHALLENGE, s.assess(caller("anonymous")).action());
        assertEquals(SpamAction.CHALLENGE, s.assess(caller("ANONYMOUS")).action());
        assertEquals(SpamAction.ALLOW, s.assess(caller("Restricted")).action());
    }

    @Test
    void patternRulesAreFoundInTheCallerId() {
        SpamScreen s = screen(rule(PATTERN, "^\\+1(900|976)", BLOCK, 70), rule(PATTERN, "0000$", CHALLENGE, 10));
        SpamVerdict v = s.assess(caller("+19765550000"));
        assertEquals(SpamAction.BLOCK, v.action());
        assertEquals(80, v.score());
        assertEquals(List.of("matches block rule: pattern ^\\+1(900|976) (weight 70)",
                "matches challenge rule: pattern 0000$ (weight 10)"), v.reasons());
        SpamVerdict ends = s.assess(caller("+12125550000"));
        assertEquals(SpamAction.CHALLENGE, ends.action(), "a challenge rule is a floor, whatever the score");
        assertEquals(10, ends.score());
        assertEquals(SpamAction.ALLOW, s.assess(caller(CALLER)).action());
    }

    @Test
    void patternRulesCanMatchWithheldCallerIds() {
        SpamScreen s = screen(rule(PATTERN, "(?i)^(anonymous|restricted)$", BLOCK, 10));
        assertEquals(SpamAction.BLOCK, s.assess(caller("Restricted")).action());
        assertEquals(SpamAction.ALLOW, s.assess(caller("Unavailable")).action());
    }

    @Test
    void everyMatchingRuleAddsItsWeightUpToOneHundred() {
        SpamScreen s = screen(rule(NUMBER, "+1212*", FLAG, 60), rule(PATTERN, "1234$", FLAG, 30), rule(NUMBER, CALLER, FLAG, 50));
        SpamVerdict v = s.assess(caller(CALLER));
        assertEquals(100, v.score());
        assertEquals(3, v.reasons().size());
        assertEquals(SpamAction.BLOCK, v.action(), "flag rules only weigh, but 100 is over the block threshold");
    }

    @Test
    void theRulesDescriptionIsPartOfTheReason() {
        SpamScreen s = new SpamScreen(List.of(new SpamRule(NUMBER, "+1900*", BLOCK, 60, "Premium-rate lines")), DEFAULTS);
        assertEquals(List.of("matches block rule: number +1900* – Premium-rate lines (weight 60)"),
                s.assess(caller("+19005550123")).reasons());
    }

    @Test
    void theAllowListBeatsEverythingElse() {
        SpamScreen s = screen(rule(NUMBER, CALLER, ALLOW, 0), rule(NUMBER, "+1212*", BLOCK, 90), rule(PATTERN, ".", CHALLENGE, 50));
        CallerProfile worst = new CallerProfile(CALLER, "+12125559999", Optional.of(new StirVerification(false, StirAttestation.NONE)),
                50, 20);
        SpamVerdict v = s.assess(worst);
        assertEquals(SpamAction.ALLOW, v.action());
        assertEquals(0, v.score());
        assertEquals(List.of(SpamVerdict.ALLOW_LISTED, "matches allow rule: number +12125551234 (weight 0)",
                "matches block rule: number +1212* (weight 90)", "matches challenge rule: pattern . (weight 50)"), v.reasons());
        assertTrue(v.isAllowListed());
        assertFalse(v.isSpam());
    }

    @Test
    void anAllowPatternIsAnAllowListToo() {
        SpamScreen s = screen(rule(PATTERN, "^\\+1212555", ALLOW, 0), rule(NUMBER, "+1212*", BLOCK, 90));
        assertTrue(s.assess(caller(CALLER)).isAllowListed());
        assertEquals(SpamAction.BLOCK, s.assess(caller("+12129990000")).action());
    }

    @Test
    void inactiveRulesAndKeywordRulesDoNotScreenNumbers() {
        SpamRule inactive = rule(NUMBER, CALLER, BLOCK, 90);
        inactive.deactivate();
        SpamScreen s = screen(inactive, rule(KEYWORD, "12125551234", BLOCK, 90));
        assertEquals(new SpamVerdict(0, List.of(), SpamAction.ALLOW), s.assess(caller(CALLER)));
    }

    @Test
    void theScreenKeepsItsOwnCopyOfTheRules() {
        List<SpamRule> rules = new ArrayList<>(List.of(rule(NUMBER, CALLER, BLOCK, 90)));
        SpamScreen s = new SpamScreen(rules, DEFAULTS);
        rules.clear();
        assertEquals(SpamAction.BLOCK, s.assess(caller(CALLER)).action());
    }

    @Test
    void oneScreenServesConcurrentCallsAlike() throws Exception {
        SpamScreen s = screen(rule(PATTERN, "^\\+1(900|976)", BLOCK, 70), rule(NUMBER, "+1212*", FLAG, 25),
                rule(KEYWORD, "gift card", CHALLENGE, 10));
        List<String> callers = List.of("+19005550123", CALLER, "anonymous", "+14155550199", "+0123456789");
        List<SpamVerdict> expected = callers.stream().map(c -> s.assessUtterance(s.assess(caller(c)), "a gift card")).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<SpamVerdict>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<SpamVerdict> last = null;
                    for (int i = 0; i < 500; i++) {
                        last = callers.stream().map(c -> s.assessUtterance(s.assess(caller(c)), "a gift card")).toList();
                    }
                    return last;
                }));
            }
            for (java.util.concurrent.Future<List<SpamVerdict>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- signals

    @Test
    void failedStirValidationIsAStrongSignal() {
        for (StirAttestation claimed : StirAttestation.values()) {
            SpamVerdict v = screen().assess(caller(CALLER, new StirVerification(false, claimed)));
            assertEquals(SpamScreen.STIR_FAILED_WEIGHT, v.score(), claimed.name());
            assertEquals(SpamAction.CHALLENGE, v.action(), "failed validation alone challenges");
            assertEquals(List.of("caller ID failed STIR/SHAKEN validation (+40)"), v.reasons());
        }
    }

    @Test
    void aAttestationLowersTheScoreButNotBelowZero() {
        SpamScreen s = screen(rule(NUMBER, CALLER, FLAG, 30));
        SpamVerdict v = s.assess(caller(CALLER, PASSED_A));
        assertEquals(10, v.score());
        assertTrue(v.reasons().contains("STIR/SHAKEN attestation A: the carrier vouches for the number (-20)"), v.reasons()::toString);
        SpamVerdict clean = screen().assess(caller(CALLER, PASSED_A));
        assertEquals(0, clean.score());
        assertEquals(SpamAction.ALLOW, clean.action());
    }

    @Test
    void aAttestedCallersSkipAChallengeButNotABlock() {
        SpamScreen s = screen(rule(NUMBER, CALLER, CHALLENGE, 10), rule(NUMBER, "+1900*", BLOCK, 10));
        SpamVerdict challenged = s.assess(caller(CALLER));
        assertEquals(SpamAction.CHALLENGE, challenged.action());
        SpamVerdict attested = s.assess(caller(CALLER, PASSED_A));
        assertEquals(SpamAction.ALLOW, attested.action());
        assertTrue(attested.reasons().contains("challenge skipped: the carrier vouches for the number (STIR/SHAKEN A)"));
        assertEquals(SpamAction.BLOCK, s.assess(caller("+19005550123", PASSED_A)).action());

        // a score over the block threshold blocks even an attested caller
        CallerProfile listedAndBursting = new CallerProfile(CALLER, TENANT, Optional.of(PASSED_A), 20, 10);
        assertEquals(SpamAction.BLOCK, screen(rule(NUMBER, CALLER, FLAG, 30)).assess(listedAndBursting).action());
        // and B or C attestation skips nothing
        assertEquals(SpamAction.CHALLENGE, s.assess(caller(CALLER, new StirVerification(true, StirAttestation.B))).action());
        assertEquals(SpamAction.CHALLENGE, s.assess(caller(CALLER, new StirVerification(true, StirAttestation.C))).action());
    }

    @Test
    void bAttestationChangesNothingAndCAddsALittle() {
        assertEquals(new SpamVerdict(0, List.of(), SpamAction.ALLOW),
                screen().assess(caller(CALLER, new StirVerification(true, StirAttestation.B))));
        SpamVerdict c = screen().assess(caller(CALLER, new StirVerification(true, StirAttestation.C)));
        assertEquals(SpamScreen.STIR_C_WEIGHT, c.score());
        assertEquals(SpamAction.ALLOW, c.action());
        assertEquals(1, c.reasons().size());
    }

    @Test
    void aWithheldCallerIdRaisesTheScoreWithoutFlaggingOnItsOwn() {
        for (String withheld : new String[] {"anonymous", "Restricted", "Unknown", "private", "unavailable", "", "garbage!"}) {
            SpamVerdict v = screen().assess(caller(withheld));
            assertEquals(SpamScreen.WITHHELD_WEIGHT, v.score(), withheld);
            assertEquals(List.of("caller ID withheld or unreadable (+15)"), v.reasons());
            assertEquals(SpamAction.ALLOW, v.action());
            assertFalse(v.isSpam(), "people withhold their number for good reasons too");
        }
        assertEquals(SpamScreen.WITHHELD_WEIGHT, screen().assess(caller(null)).score());
    }

    @Test
    void anImpossibleNumberRaisesTheScoreMore() {
        for (String invalid : new String[] {"+0123456789", "+123456", "+1234567890123456", "+10125550100", "+14150550100"}) {
            SpamVerdict v = screen().assess(caller(invalid));
            assertEquals(SpamScreen.INVALID_NUMBER_WEIGHT, v.score(), invalid);
            assertEquals(List.of("caller ID is not a number that can exist (+30)"), v.reasons());
            assertTrue(v.isSpam(), "flagged");
        }
    }

    @Test
    void callVelocityCountsFromTheThresholdScaledAndCapped() {
        assertEquals(0, screen().assess(velocity(4)).score(), "below the threshold of 5");
        SpamVerdict atThreshold = screen().assess(velocity(5));
        assertEquals(SpamScreen.VELOCITY_WEIGHT, atThreshold.score());
        assertEquals(List.of("5 earlier calls from this number within the velocity window (+20)"), atThreshold.reasons());
        assertEquals(25, screen().assess(velocity(6)).score());
        assertEquals(40, screen().assess(velocity(9)).score());
        assertEquals(SpamScreen.VELOCITY_MAX, screen().assess(velocity(1000)).score());
        assertEquals(SpamScreen.VELOCITY_MAX, screen().assess(velocity(Integer.MAX_VALUE)).score());
        SpamScreen strict = new SpamScreen(List.of(), new SpamThresholds(40, 70, 2, 3));
        assertEquals(SpamScreen.VELOCITY_WEIGHT, strict.assess(velocity(2)).score());
        CallerProfile anonymousCallers = new CallerProfile("anonymous", TENANT, Optional.empty(), 100, 0);
        assertEquals(SpamScreen.WITHHELD_WEIGHT, screen().assess(anonymousCallers).score(),
                "withheld callers share no number, so their calls are not one caller's burst");
    }

    private static CallerProfile velocity(int recent) {
        return new CallerProfile(CALLER, TENANT, Optional.empty(), recent, 0);
    }

    @Test
    void neighbourSpoofingRaisesTheScore() {
        SpamVerdict v = screen().assess(new CallerProfile("+14155550199", TENANT, Optional.empty(), 0, 0));
        assertEquals(SpamScreen.NEIGHBOUR_WEIGHT, v.score());
        assertEquals(List.of("caller ID shares the called number's first 6 digits (neighbour spoofing) (+20)"), v.reasons());
        assertTrue(v.isSpam());
        assertEquals(0, screen().assess(new CallerProfile(TENANT, TENANT, Optional.empty(), 0, 0)).score(),
                "the tenant's own number is not its neighbour");
        assertEquals(0, screen().assess(new CallerProfile("+14155560199", TENANT, Optional.empty(), 0, 0)).score());
    }

    @Test
    void thePlatformListIsAStrongSignal() {
        assertEquals(0, screen().assess(new CallerProfile(CALLER, TENANT, Optional.empty(), 0, 2)).score());
        SpamVerdict v = screen().assess(new CallerProfile(CALLER, TENANT, Optional.empty(), 0, 3));
        assertEquals(SpamScreen.PLATFORM_LISTED_WEIGHT, v.score());
        assertEquals(List.of("reported as spam by 3 other tenants (+50)"), v.reasons());
        assertEquals(SpamAction.CHALLENGE, v.action(), "listed alone: challenged, not blocked");
    }

    @Test
    void signalsAddUpAndTheScoreIsCapped() {
        CallerProfile everything = new CallerProfile("+14155550199", TENANT,
                Optional.of(new StirVerification(false, StirAttestation.NONE)), 9, 3);
        SpamVerdict v = screen().assess(everything);
        assertEquals(100, v.score());      // 40 + 40 + 20 + 50
        assertEquals(4, v.reasons().size());
        assertEquals(SpamAction.BLOCK, v.action());
        SpamVerdict failedAndListed = screen().assess(new CallerProfile(CALLER, TENANT,
                Optional.of(new StirVerification(false, StirAttestation.B)), 0, 5));
        assertEquals(90, failedAndListed.score());
        assertEquals(SpamAction.BLOCK, failedAndListed.action());
    }

    @Test
    void thresholdsDecideTheAction() {
        SpamScreen lenient = new SpamScreen(List.of(rule(NUMBER, CALLER, FLAG, 60)), new SpamThresholds(61, 90, 5, 3));
        assertEquals(SpamAction.ALLOW, lenient.assess(caller(CALLER)).action());
        SpamScreen strict = new SpamScreen(List.of(rule(NUMBER, CALLER, FLAG, 60)), new SpamThresholds(20, 60, 5, 3));
        assertEquals(SpamAction.BLOCK, strict.assess(caller(CALLER)).action());
    }

    @Test
    void thresholdsMustMakeSense() {
        assertEquals(new SpamThresholds(40, 70, 5, 3), SpamThresholds.defaults());
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholds(0, 70, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholds(71, 70, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholds(40, 101, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholds(40, 70, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholds(40, 70, 5, 0));
        assertEquals(SpamAction.ALLOW, new SpamThresholds(40, 40, 1, 1).actionFor(39));
        assertEquals(SpamAction.BLOCK, new SpamThresholds(40, 40, 1, 1).actionFor(40), "equal thresholds: block wins");
    }

    @Test
    void verdictsAreWellFormed() {
        assertThrows(IllegalArgumentException.class, () -> new SpamVerdict(-1, List.of(), SpamAction.ALLOW));
        assertThrows(IllegalArgumentException.class, () -> new SpamVerdict(101, List.of(), SpamAction.ALLOW));
        assertThrows(NullPointerException.class, () -> new SpamVerdict(0, null, SpamAction.ALLOW));
        assertThrows(NullPointerException.class, () -> new SpamVerdict(0, List.of(), null));
        assertFalse(new SpamVerdict(SpamVerdict.FLAG_AT - 1, List.of(), SpamAction.ALLOW).isSpam());
        assertTrue(new SpamVerdict(SpamVerdict.FLAG_AT, List.of(), SpamAction.ALLOW).isSpam());
        assertTrue(new SpamVerdict(0, List.of(), SpamAction.CHALLENGE).isSpam());
        List<String> reasons = new ArrayList<>(List.of("x"));
        SpamVerdict v = new SpamVerdict(0, reasons, SpamAction.ALLOW);
        reasons.add("y");
        assertEquals(List.of("x"), v.reasons(), "a verdict cannot change after the fact");
    }

    @Test
    void actionsOnlyGoUp() {
        assertEquals(SpamAction.BLOCK, SpamAction.ALLOW.atLeast(SpamAction.BLOCK));
        assertEquals(SpamAction.BLOCK, SpamAction.BLOCK.atLeast(SpamAction.CHALLENGE));
        assertEquals(SpamAction.CHALLENGE, SpamAction.CHALLENGE.atLeast(SpamAction.ALLOW));
    }
}
