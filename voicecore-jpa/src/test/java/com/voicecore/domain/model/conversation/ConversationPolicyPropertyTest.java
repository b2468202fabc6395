package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.conversation.ConversationPolicy.Decision;
import com.voicecore.domain.model.conversation.ConversationPolicy.Input;
import com.voicecore.domain.model.conversation.ConversationPolicy.Kind;
import com.voicecore.domain.model.conversation.ConversationPolicy.TargetKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.voicecore.domain.model.conversation.ConversationGenerators.SAID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The conversation policy's invariants over generated conversations: the language the first clear
 * utterance fixes is the language of every later reply (Property 4), and customer service comes after
 * exactly three unsuccessful attempts (Property 6).
 */
class ConversationPolicyPropertyTest {

    private static ConversationPolicy policy(List<String> served, List<String> spamWords) {
        return new ConversationPolicy(new ServedLanguages(served), ConversationGenerators.detector(), ConversationGenerators.DIRECTORY,
                ConversationGenerators::knowledge, words -> spamWords.stream().anyMatch(words::contains));
    }

    private static Conversation conversation(List<String> served) {
        return new Conversation(UUID.randomUUID(), "turn_based", served.get(0), Instant.now());
    }

    /** Whether the reply is made of the receptionist's sentences (or knowledge-base answers) in that language only. */
    static boolean speaksOnly(String reply, String language) {
        boolean own = Phrasebook.languages().stream().filter(l -> !l.equals(language)).noneMatch(l -> containsPhraseOf(reply, l))
                && SAID.keySet().stream().filter(l -> !l.equals(language)).noneMatch(l -> reply.contains(ConversationGenerators.answerIn(l)));
        return own && (containsPhraseOf(reply, language) || reply.contains(ConversationGenerators.answerIn(language)));
    }

    private static boolean containsPhraseOf(String reply, String language) {
        for (Phrase p : Phrase.values()) {
            String w = Phrasebook.wording(p, language);
            int hole = w.indexOf("{0}");
            // the longer fixed part: a sentence may begin with its hole ("{0} cannot take your call")
            String fixed = hole < 0 ? w : hole >= w.length() - hole - 3 ? w.substring(0, hole) : w.substring(hole + 3);
            if (reply.contains(fixed)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency")
    void everyReplyAfterDetectionIsInTheDetectedLanguage() {
        qt().withExamples(300).forAll(
                ConversationGenerators.servedLanguages(),
                SourceDSL.integers().between(0, SAID.size() - 1),
                SourceDSL.integers().between(0, 2),
                SourceDSL.lists().of(ConversationGenerators.laterTurns()).ofSizeBetween(0, 8)
        ).checkAssert((served, firstLanguageIndex, sentence, later) -> {
            String callerLanguage = List.copyOf(SAID.keySet()).get(firstLanguageIndex);
            List<String> sentences = SAID.get(callerLanguage);
            String first = sentences.get(sentence % sentences.size());
            ConversationPolicy policy = policy(served, List.of());
            Conversation c = conversation(served);
            String expected = served.contains(callerLanguage) ? callerLanguage : served.get(0);

            List<Input> turns = new ArrayList<>();
            turns.add(Input.speech(first));
            turns.addAll(later);
            for (int i = 0; i < turns.size(); i++) {
                Decision d = policy.decide(c, turns.get(i));
                String where = "served " + served + ", caller speaks " + callerLanguage + ", turn " + (i + 1) + " " + turns.get(i)
                        + " -> " + d.reply();
                assertEquals(expected, d.language(), where);
                assertEquals(expected, c.language(), where);
                assertTrue(c.isLanguageFixed(), where);
                assertTrue(speaksOnly(d.reply(), expected), "the reply is not (only) in " + expected + ": " + where);
                if (i == 0 && !served.contains(callerLanguage)) {
                    assertTrue(d.reply().startsWith(Phrasebook.wording(Phrase.UNSERVED, expected).split("\\{0}")[0]),
                            "a language not served is answered with the apology: " + where);
                    assertEquals(Optional.of(callerLanguage), c.detectedLanguage());
                }
                if (d.kind() != Kind.CONTINUE) {
                    break;
                }
            }
        });
    }

    @Test
    void anUnclearFirstWordKeepsTheDefaultOpenUntilALaterSentenceIsClear() {
        ConversationPolicy policy = policy(List.of("en", "es"), List.of());
        Conversation c = conversation(List.of("en", "es"));
        Decision d = policy.decide(c, Input.speech("hola"));
        assertFalse(c.isLanguageFixed());
        assertEquals("en", d.language());
        d = policy.decide(c, Input.speech("cuál es su horario de apertura"));
        assertEquals("es", d.language());
        assertTrue(d.reply().startsWith(ConversationGenerators.answerIn("es")), d.reply());
        d = policy.decide(c, Input.speech("what are your opening hours"));
        assertEquals("es", d.language(), "fixed: an English sentence later does not switch");
    }

    /** One attempt: whether the policy (by design) counts it as unsuccessful. */
    record Attempt(Input input, boolean fails) {
    }

    @Test
    @DisplayName("Property 6: AI Transfer Logic")
    void customerServiceAfterExactlyThreeUnsuccessfulAttempts() {
        List<Attempt> kinds = List.of(
                new Attempt(Input.silence(), true),
                new Attempt(new Input(Optional.of("what are your opening hours"), Optional.empty(), Optional.of(0.1)), true),
                new Attempt(Input.speech("do you sell bicycles"), true),
                new Attempt(Input.keys("999"), true),
                new Attempt(Input.speech("what are your opening hours"), false),
                new Attempt(new Input(Optional.of("what are your opening hours please"), Optional.empty(), Optional.of(0.9)), false));
        qt().withExamples(300).forAll(
                SourceDSL.lists().of(SourceDSL.integers().between(0, kinds.size() - 1)).ofSizeBetween(0, 12),
                ConversationGenerators.servedLanguages()
        ).checkAssert((picks, served) -> {
            List<String> english = new ArrayList<>(served);
            english.remove("en");
            english.add(0, "en"); // the generated words are English
            ConversationPolicy policy = policy(english, List.of());
            Conversation c = conversation(english);
            int failures = 0;
            for (int i = 0; i < picks.size(); i++) {
                Attempt a = kinds.get(picks.get(i));
                Decision d = policy.decide(c, a.input());
                if (a.fails()) {
                    failures++;
                }
                String where = "attempt " + (i + 1) + " " + a + ", failures so far " + failures + " -> " + d;
                assertEquals(failures, c.failedAttempts(), where);
                if (failures < Conversation.MAX_FAILED_ATTEMPTS) {
                    assertEquals(Kind.CONTINUE, d.kind(), "no transfer before the third unsuccessful attempt: " + where);
                } else {
                    assertEquals(Kind.HAND_OVER, d.kind(), "the third unsuccessful attempt transfers: " + where);
                    assertEquals(TargetKind.OPERATOR, d.target().orElseThrow().kind(), where);
                    assertTrue(d.reply().endsWith(Phrasebook.say(Phrase.CUSTOMER_SERVICE, "en")), where);
                    assertTrue(d.failedAttempt());
                    assertEquals(Optional.of(Outcome.TRANSFERRED), d.outcome());
                    return;
                }
            }
            assertTrue(failures < Conversation.MAX_FAILED_ATTEMPTS);
        });
    }

    /** A realtime caller turn: the words, what the model's tools found, and whether it is unsuccessful. */
    record Assessed(List<String> words, ConversationPolicy.Assisted assisted, boolean fails) {
    }

    @Test
    @DisplayName("Property 6: AI Transfer Logic (realtime)")
    void realtimeTurnsCountByTheSameRuleAndShareTheCountWithTurnBasedOnes() {
        // the realtime transport's assess and the turn-based decide on one conversation: one count, one rule
        List<Assessed> realtime = List.of(
                new Assessed(List.of("do you sell bicycles"), new ConversationPolicy.Assisted(0, 1, 0, false), true),
                new Assessed(List.of("put me through to astrology"), new ConversationPolicy.Assisted(0, 0, 1, false), true),
                new Assessed(List.of(""), ConversationPolicy.Assisted.NOTHING, true),
                new Assessed(List.of("what are your opening hours"), new ConversationPolicy.Assisted(1, 0, 0, false), false),
                new Assessed(List.of("opening hours and parking"), new ConversationPolicy.Assisted(1, 2, 0, false), false),
                new Assessed(List.of("sales please"), new ConversationPolicy.Assisted(0, 0, 1, true), false),
                new Assessed(List.of("thanks, that is clear"), ConversationPolicy.Assisted.NOTHING, false),
                new Assessed(List.of(), ConversationPolicy.Assisted.NOTHING, false),
                new Assessed(List.of(), new ConversationPolicy.Assisted(0, 1, 0, false), true));
        List<Attempt> turnBased = List.of(new Attempt(Input.silence(), true),
                new Attempt(Input.speech("what are your opening hours"), false));
        qt().withExamples(300).forAll(
                SourceDSL.lists().of(SourceDSL.integers().between(0, realtime.size() + turnBased.size() - 1)).ofSizeBetween(0, 12)
        ).checkAssert(picks -> {
            ConversationPolicy policy = policy(List.of("en"), List.of());
            Conversation c = conversation(List.of("en"));
            int failures = 0;
            int answers = 0;
            for (int i = 0; i < picks.size(); i++) {
                int pick = picks.get(i);
                boolean fails;
                Decision d;
                if (pick < realtime.size()) {
                    Assessed a = realtime.get(pick);
                    d = policy.assess(c, a.words(), a.assisted());
                    fails = a.fails();
                    answers += !a.assisted().settled() && a.assisted().answersFound() > 0 ? 1 : 0;
                } else {
                    Attempt a = turnBased.get(pick - realtime.size());
                    d = policy.decide(c, a.input());
                    fails = a.fails();
                    answers += fails ? 0 : 1;
                }
                failures += fails ? 1 : 0;
                String where = "turn " + (i + 1) + " (pick " + pick + "), failures so far " + failures + " -> " + d;
                assertEquals(fails, d.failedAttempt(), where);
                assertEquals(failures, c.failedAttempts(), "successes do not reset the count: " + where);
                assertEquals(answers, c.answers(), where);
                if (failures < Conversation.MAX_FAILED_ATTEMPTS) {
                    assertEquals(Kind.CONTINUE, d.kind(), "no transfer before the third unsuccessful attempt: " + where);
                } else {
                    assertEquals(Kind.HAND_OVER, d.kind(), "the third unsuccessful attempt transfers: " + where);
                    assertEquals(TargetKind.OPERATOR, d.target().orElseThrow().kind(), where);
                    assertEquals(Optional.of(Outcome.TRANSFERRED), d.outcome());
                    return;
                }
            }
        });
    }

    @Test
    void askingForAHumanTransfersAtOnceWithoutCountingAFailure() {
        ConversationPolicy policy = policy(List.of("en"), List.of());
        Conversation c = conversation(List.of("en"));
        Decision d = policy.decide(c, Input.speech("can I talk to someone please"));
        assertEquals(Kind.HAND_OVER, d.kind());
        assertEquals(TargetKind.OPERATOR, d.target().orElseThrow().kind());
        assertEquals(0, c.failedAttempts());
    }

    @Test
    void namesExtensionsMessagesGoodbyesAndSpamWords() {
        ConversationPolicy policy = policy(List.of("en"), List.of("extended warranty"));
        Decision sales = policy.decide(conversation(List.of("en")), Input.speech("I'd like to talk to sales"));
        assertEquals(TargetKind.DEPARTMENT, sales.target().orElseThrow().kind());
        assertEquals("Sales", sales.target().get().name());
        assertEquals("I will connect you with Sales.", sales.reply());

        Decision question = policy.decide(conversation(List.of("en")), Input.speech("when does sales open in the morning on weekdays"));
        assertEquals(Intent.QUESTION, question.intent(), "a name inside a longer question stays a question");

        Decision sam = policy.decide(conversation(List.of("en")), Input.speech("Sam Sales please"));
        assertEquals(TargetKind.AGENT, sam.target().orElseThrow().kind());

        Decision spoken = policy.decide(conversation(List.of("en")), Input.speech("extension 2 0 1"));
        assertEquals(Intent.EXTENSION, spoken.intent());
        assertEquals(TargetKind.AGENT, spoken.target().orElseThrow().kind());

        Decision keyed = policy.decide(conversation(List.of("en")), Input.keys("201#"));
        assertEquals(TargetKind.AGENT, keyed.target().orElseThrow().kind());

        Decision zero = policy.decide(conversation(List.of("en")), Input.keys("0"));
        assertEquals(TargetKind.OPERATOR, zero.target().orElseThrow().kind());

        Decision message = policy.decide(conversation(List.of("en")), Input.speech("can I leave a message"));
        assertEquals(TargetKind.VOICEMAIL, message.target().orElseThrow().kind());

        Conversation answered = conversation(List.of("en"));
        policy.decide(answered, Input.speech("what are your opening hours"));
        Decision bye = policy.decide(answered, Input.speech("no thanks, goodbye"));
        assertEquals(Kind.END, bye.kind());
        assertEquals(Optional.of(Outcome.RESOLVED), bye.outcome(), "an answered caller who says goodbye was helped");

        Decision spam = policy.decide(conversation(List.of("en")), Input.speech("we are calling about your extended warranty"));
        assertEquals(Kind.END, spam.kind());
        assertEquals(Intent.SPAM, spam.intent());
        assertEquals(Optional.of(Outcome.SPAM), spam.outcome());
    }
}
