package com.voicecore.domain.model.spam;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.voicecore.domain.model.spam.SpamRule.Action.ALLOW;
import static com.voicecore.domain.model.spam.SpamRule.Action.BLOCK;
import static com.voicecore.domain.model.spam.SpamRule.Action.CHALLENGE;
import static com.voicecore.domain.model.spam.SpamRule.Action.FLAG;
import static com.voicecore.domain.model.spam.SpamRule.Type.KEYWORD;
import static com.voicecore.domain.model.spam.SpamRule.Type.NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamKeywordTest {

    private static final String CALLER = "+12125551234";
    private static final SpamVerdict CLEAN = new SpamVerdict(0, List.of(), SpamAction.ALLOW);

    private static SpamScreen screen(SpamRule... rules) {
        return new SpamScreen(List.of(rules), SpamThresholds.defaults());
    }

    private static SpamRule keyword(String phrase, SpamRule.Action action, int weight) {
        return new SpamRule(KEYWORD, phrase, action, weight, null);
    }

    private static boolean says(String speech, String phrase) {
        return SpokenText.says(SpokenText.normalise(speech), SpokenText.normalise(phrase));
    }

    @Test
    void aKeywordSaidAddsItsWeightAndNamesItself() {
        SpamScreen s = screen(keyword("extended warranty", FLAG, 30));
        SpamVerdict v = s.assessUtterance(CLEAN, "Hi, we're calling about your car's extended warranty.");
        assertEquals(new SpamVerdict(30, List.of("matches flag rule: keyword \"extended warranty\" (weight 30)"), SpamAction.ALLOW), v);
        assertTrue(v.isSpam());
        assertSame(CLEAN, s.assessUtterance(CLEAN, "I'd like to book an appointment"), "nothing said: the same verdict");
        assertSame(CLEAN, s.assessUtterance(CLEAN, null));
        assertSame(CLEAN, s.assessUtterance(CLEAN, "   "));
    }

    @Test
    void keywordsAddToTheEarlierVerdictAndTheirActionIsAFloor() {
        SpamScreen s = screen(keyword("gift card", CHALLENGE, 10), keyword("arrest warrant", BLOCK, 20),
                keyword("free cruise", FLAG, 45));
        SpamVerdict before = new SpamVerdict(15, List.of("caller ID withheld or unreadable (+15)"), SpamAction.ALLOW);
        SpamVerdict giftCard = s.assessUtterance(before, "pay with a GIFT CARD");
        assertEquals(25, giftCard.score());
        assertEquals(SpamAction.CHALLENGE, giftCard.action());
        assertEquals(2, giftCard.reasons().size());
        assertEquals(SpamAction.BLOCK, s.assessUtterance(before, "there is an arrest warrant in your name").action());
        SpamVerdict cruise = s.assessUtterance(before, "you won a free cruise");
        assertEquals(60, cruise.score());
        assertEquals(SpamAction.CHALLENGE, cruise.action(), "over the challenge threshold");
        SpamVerdict blocked = new SpamVerdict(90, List.of("x"), SpamAction.BLOCK);
        assertEquals(SpamAction.BLOCK, s.assessUtterance(blocked, "hello").action(), "an utterance never lowers the action");
    }

    @Test
    void aPhraseCountsOncePerCall() {
        SpamScreen s = screen(keyword("extended warranty", FLAG, 30));
        SpamVerdict first = s.assessUtterance(CLEAN, "extended warranty, extended warranty");
        assertEquals(30, first.score());
        assertEquals(first, s.assessUtterance(first, "I said: extended warranty!"));
    }

    @Test
    void anAllowListedCallerStaysAllowedWhateverTheySay() {
        SpamScreen s = screen(new SpamRule(NUMBER, CALLER, ALLOW, 0, null), keyword("arrest warrant", BLOCK, 90));
        SpamVerdict allowed = s.assess(new CallerProfile(CALLER, "+14155550100", Optional.empty(), 0, 0));
        SpamVerdict after = s.assessUtterance(allowed, "this is about the arrest warrant");
        assertEquals(SpamAction.ALLOW, after.action());
        assertEquals(0, after.score());
        assertTrue(after.isAllowListed());
        assertTrue(after.reasons().contains("matches block rule: keyword \"arrest warrant\" (weight 90)"), "still named");
    }

    @Test
    void anAllowKeywordIsNamedButCannotAllowAnyone() {
        SpamScreen s = screen(keyword("open sesame", ALLOW, 50));
        SpamVerdict before = new SpamVerdict(50, List.of("reported"), SpamAction.CHALLENGE);
        SpamVerdict after = s.assessUtterance(before, "open sesame");
        assertEquals(50, after.score());
        assertEquals(SpamAction.CHALLENGE, after.action());
        assertEquals(List.of("reported", "matches allow rule: keyword \"open sesame\" (weight 50), ignored: saying something cannot allow a caller"),
                after.reasons());
        assertEquals(after, s.assessUtterance(after, "open sesame"));
    }

    @Test
    void keywordsMatchWholeWordsOnly() {
        assertTrue(says("my Social-Security number is", "social security number"));
        assertTrue(says("EXTENDED   WARRANTY!!!", "extended warranty"));
        assertTrue(says("warranty", "warranty"));
        assertFalse(says("warranties", "warranty"));
        assertFalse(says("unwarranted", "warrant"));
        assertFalse(says("a warrant-y", "warranty"));
        assertFalse(says("extended warranties", "extended warranty"));
        assertTrue(says("the IRS, calling", "irs"));
        assertFalse(says("first", "irs"));
        assertFalse(says("nothing", ""));
    }

    @Test
    void keywordsAreUnicodeSafe() {
        assertTrue(says("STRASSE", "straße"), "ß folds to ss");
        assertTrue(says("Straße", "STRASSE"));
        assertTrue(says("Ｅｘｔｅｎｄｅｄ　ｗａｒｒａｎｔｙ", "extended warranty"), "full-width letters and space");
        assertTrue(says("garanti\u0301a extendida", "garantía extendida"), "decomposed and composed accents agree");
        assertTrue(says("ΕΓΓΎΗΣΗ", "εγγύηση"), "Greek");
        assertTrue(says("ваша ГАРАНТИЯ истекает", "гарантия"), "Cyrillic");
        assertFalse(says("гарантиями", "гарантия"));
        assertTrue(says("延长保修期服务", "保修"), "Chinese has no spaces between words");
        assertTrue(says("คุณได้รับรางวัล", "รางวัล"), "nor has Thai");
        assertTrue(says("नमस्ते आपकी वारंटी", "वारंटी"), "Devanagari vowel signs are part of the word");
        assertFalse(says("नमस्ते आपकी वारंटी", "वार"));
        assertTrue(says("prize 🎁 won", "prize won"), "symbols are not words");
        assertFalse(says("\uD83D broken \uDE00 surrogates", "warranty"));
    }

    @Test
    void aKeywordWithoutWordsIsSkippedNotMatchedEverywhere() {
        SpamScreen s = screen(keyword("!!!", BLOCK, 90));
        assertEquals(List.of("skipped keyword rule \"!!!\": it has no words to listen for"), s.problems());
        SpamVerdict v = s.assessUtterance(CLEAN, "hello!!!");
        assertEquals(SpamAction.ALLOW, v.action());
    }

    @Test
    void longSpeechIsReadQuickly() {
        SpamScreen s = screen(keyword("a a a a a a a a a a b", BLOCK, 90), keyword("extended warranty", FLAG, 30));
        String adversarial = "a ".repeat(2_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            SpamVerdict v = s.assessUtterance(CLEAN, adversarial);
            assertEquals(CLEAN, v);
        });
        String late = "x".repeat(SpamScreen.MAX_UTTERANCE_LENGTH) + " extended warranty";
        assertEquals(CLEAN, s.assessUtterance(CLEAN, late), "beyond the bound is not read");
    }
}
