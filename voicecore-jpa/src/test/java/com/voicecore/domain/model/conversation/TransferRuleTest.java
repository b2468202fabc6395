package com.voicecore.domain.model.conversation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** A transfer rule matches whole words only, and the first active rule by order wins. */
class TransferRuleTest {

    /** Words that overlap on purpose: "voice" inside "invoice", "pay" the start of "payment". */
    private static final List<String> WORDS = List.of("invoice", "voice", "billing", "bill", "pay", "payment", "account", "my");
    private static final List<String> SEPARATORS = List.of(" ", ", ", "? ", " - ", "! ", ". ");

    private static TransferRule rule(String name, int position, String... phrases) {
        return new TransferRule(name, null, List.of(phrases), TransferRule.TargetKind.OPERATOR, null, position);
    }

    @Test
    void phrasesMatchAsWholeWordsWithTheRecognisersFolding() {
        TransferRule billing = rule("Billing", 0, "invoice", "billing", "Payment plan");
        assertTrue(billing.matches("I have a question about my INVOICE."));
        assertTrue(billing.matches("billing, please"));
        assertTrue(billing.matches("Can I change my payment   plan?"));
        assertTrue(rule("Cafe", 0, "café").matches("Is the CAFE open?"), "accents fold away as in IntentRecognizer");
        assertFalse(billing.matches("I have two invoices"), "a word with more letters is another word");
        assertFalse(billing.matches("rebilling question"));
        assertFalse(billing.matches("payment"), "a phrase's words must all be there, in order");
        assertFalse(billing.matches("plan payment"));
        assertFalse(billing.matches(""));
        assertFalse(billing.matches(null));
        assertFalse(rule("Voice", 0, "voice").matches("my invoice"), "not a substring inside a word");
    }

    @Test
    void nothingInvalidIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> rule("", 0, "invoice"));
        assertThrows(IllegalArgumentException.class, () -> rule("x".repeat(101), 0, "invoice"));
        assertThrows(IllegalArgumentException.class, () -> rule("No phrase", 0, " ", ""));
        assertThrows(IllegalArgumentException.class, () -> rule("Punctuation only", 0, "?!"));
        assertThrows(IllegalArgumentException.class, () -> rule("Long", 0, "y".repeat(101)));
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = "word" + i;
        }
        assertThrows(IllegalArgumentException.class, () -> rule("Many", 0, many));
        assertThrows(IllegalArgumentException.class, () -> rule("Order", -1, "invoice"));
        assertThrows(IllegalArgumentException.class, () -> rule("Order", 10_000, "invoice"));
        assertThrows(IllegalArgumentException.class, () -> new TransferRule("No target", null, List.of("x"),
                TransferRule.TargetKind.DEPARTMENT, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransferRule("Operator with id", null, List.of("x"),
                TransferRule.TargetKind.OPERATOR, UUID.randomUUID(), 0));
        TransferRule ok = rule("Ok", 5, "invoice");
        assertThrows(IllegalArgumentException.class, () -> ok.revise("Ok", null, List.of(), TransferRule.TargetKind.OPERATOR, null, 5));
        assertEquals(List.of("invoice"), ok.phrases(), "a refused edit changes nothing");
        assertEquals(List.of("invoice", "billing", "pay me"), TransferRule.splitPhrases(" invoice, billing;\n pay me ,, invoice"));
    }

    /** Independent of the implementation: lower case, tokens of letters, the phrase's tokens as a contiguous run. */
    private static boolean expected(List<String> phrases, String utterance) {
        List<String> said = tokens(utterance);
        for (String phrase : phrases) {
            List<String> wanted = tokens(phrase);
            if (!wanted.isEmpty() && Collections.indexOfSubList(said, wanted) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** A word as a caller may say it: as it is, in capitals, or another word that contains it. */
    private static Gen<String> spokenWord() {
        return SourceDSL.integers().between(0, WORDS.size() - 1).zip(SourceDSL.integers().between(0, 5), (w, how) -> {
            String word = WORDS.get(w);
            return switch (how) {
                case 0 -> word.toUpperCase(Locale.ROOT);
                case 1 -> "re" + word;
                case 2 -> word + "s";
                default -> word;
            };
        });
    }

    private static Gen<String> utterances() {
        return SourceDSL.lists().of(spokenWord().zip(SourceDSL.integers().between(0, SEPARATORS.size() - 1),
                        (w, s) -> w + SEPARATORS.get(s))).ofSizeBetween(0, 8)
                .map(parts -> String.join("", parts));
    }

    private static Gen<String> phrase() {
        return SourceDSL.lists().of(SourceDSL.integers().between(0, WORDS.size() - 1).map(WORDS::get)).ofSizeBetween(1, 2)
                .zip(SourceDSL.booleans().all(), (ws, upper) -> {
                    String p = String.join(" ", ws);
                    return upper ? p.toUpperCase(Locale.ROOT) : p;
                });
    }

    @Test
    @DisplayName("Transfer rule matching: a rule matches exactly when one of its phrases occurs as whole words")
    void aRuleMatchesExactlyWhenAPhraseOccursAsWholeWords() {
        qt().withExamples(400).forAll(SourceDSL.lists().of(phrase()).ofSizeBetween(1, 3), utterances())
                .checkAssert((phrases, utterance) -> assertEquals(expected(phrases, utterance),
                        new TransferRule("R", null, phrases, TransferRule.TargetKind.OPERATOR, null, 0).matches(utterance),
                        () -> phrases + " in \"" + utterance + "\""));
    }

    record Spec(List<String> phrases, int position, boolean active) {
    }

    @Test
    @DisplayName("Transfer rule matching: the first active matching rule by order wins")
    void theFirstActiveMatchingRuleByOrderWins() {
        Gen<Spec> specs = SourceDSL.lists().of(phrase()).ofSizeBetween(1, 2)
                .zip(SourceDSL.integers().between(0, 5), SourceDSL.booleans().all(), Spec::new);
        qt().withExamples(300).forAll(SourceDSL.lists().of(specs).ofSizeBetween(0, 6), utterances())
                .checkAssert((given, utterance) -> {
                    List<TransferRule> rules = new ArrayList<>();
                    for (int i = 0; i < given.size(); i++) {
                        TransferRule r = new TransferRule("R" + i, null, given.get(i).phrases(), TransferRule.TargetKind.OPERATOR,
                                null, given.get(i).position());
                        if (!given.get(i).active()) {
                            r.deactivate();
                        }
                        rules.add(r);
                    }
                    Optional<String> winner = Optional.empty();
                    int best = Integer.MAX_VALUE;
                    for (int i = 0; i < given.size(); i++) {
                        Spec s = given.get(i);
                        if (s.active() && s.position() < best && expected(s.phrases(), utterance)) {
                            best = s.position();
                            winner = Optional.of("R" + i);
                        }
                    }
                    assertEquals(winner, TransferRules.of(rules).firstMatch(utterance).map(TransferRule::name),
                            () -> given + " for \"" + utterance + "\"");
                });
    }
}
