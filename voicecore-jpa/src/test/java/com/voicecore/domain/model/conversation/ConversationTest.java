package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.call.RouteStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationTest {

    private final Conversation c = new Conversation(UUID.randomUUID(), "turn_based", "en-US", Instant.now());

    @Test
    void theLanguageIsFixedOnceByTheFirstClearUtterance() {
        ServedLanguages served = ServedLanguages.of("en", "es");
        assertEquals("en", c.language());
        assertFalse(c.chooseLanguage(Optional.empty(), served).madeNow(), "unsure: nothing fixed");
        assertFalse(c.isLanguageFixed());
        Conversation.LanguageChoice spanish = c.chooseLanguage(Optional.of("es-MX"), served);
        assertTrue(spanish.madeNow());
        assertTrue(spanish.served());
        assertEquals("es", c.language());
        c.chooseLanguage(Optional.of("en"), served);
        assertEquals("es", c.language(), "fixed");
    }

    @Test
    void aLanguageNotServedKeepsTheDefaultAndIsRemembered() {
        Conversation.LanguageChoice choice = c.chooseLanguage(Optional.of("pl"), ServedLanguages.of("en", "es"));
        assertFalse(choice.served());
        assertEquals("en", c.language());
        assertEquals(Optional.of("pl"), c.detectedLanguage());
    }

    @Test
    void theThirdFailedAttemptAndOnlyItSaysTransfer() {
        assertFalse(c.failedAttempt());
        assertFalse(c.failedAttempt());
        assertTrue(c.failedAttempt());
        assertFalse(c.failedAttempt(), "a fourth is not a second transfer");
    }

    @Test
    void finishingSettlesTheOutcomeOnceAndKeepsAnExplicitOne() {
        c.answered();
        c.finish(Instant.now());
        assertEquals(Optional.of(Outcome.RESOLVED), c.outcome());
        c.conclude(Outcome.TRANSFERRED, "late");
        assertEquals(Optional.of(Outcome.RESOLVED), c.outcome(), "a finished conversation keeps its outcome");

        Conversation transferred = new Conversation(UUID.randomUUID(), null, "en", Instant.now());
        transferred.conclude(Outcome.TRANSFERRED, "Sales");
        transferred.finish(Instant.now());
        assertEquals(Optional.of(Outcome.TRANSFERRED), transferred.outcome());

        Conversation hungUp = new Conversation(UUID.randomUUID(), null, "en", Instant.now());
        hungUp.finish(Instant.now());
        assertEquals(Optional.of(Outcome.ABANDONED), hungUp.outcome());
    }

    @Test
    void aVoiceIsKnownByTheLanguageItSpeaks() {
        assertFalse(Phrasebook.voiceSpeaks("Polly.Joanna", "es"), "an English voice does not read Spanish");
        assertTrue(Phrasebook.voiceSpeaks("Polly.Joanna-Neural", "en"));
        assertTrue(Phrasebook.voiceSpeaks("Polly.Lucia", "es-ES"));
        assertFalse(Phrasebook.voiceSpeaks("Google.en-US-Standard-C", "de"));
        assertTrue(Phrasebook.voiceSpeaks("alice", "nl"), "a voice of unknown language is the tenant's to choose");
        for (String code : Phrasebook.languages()) {
            assertEquals(Optional.of(code), Phrasebook.languageOfVoice(Phrasebook.spoken(code).voice()), code);
        }
    }

    @Test
    void servedLanguagesStoredBeforeTheCheckDropWhatCannotBeSpoken() {
        com.voicecore.domain.model.receptionist.ReceptionistSettings settings =
                new com.voicecore.domain.model.receptionist.ReceptionistSettings("Acme", "Hello", List.of("pl", "es"), "Polly.Lucia");
        assertEquals(List.of("es"), settings.servedLanguages().codes());
        settings.serveLanguages(List.of("pl"));
        assertEquals(List.of("en"), settings.servedLanguages().codes(), "nothing speakable: English rather than a crash");
    }

    @Test
    void languageCodesAreValidated() {
        assertEquals("pt", LanguageCode.normalise(" pt_BR "));
        assertThrows(IllegalArgumentException.class, () -> LanguageCode.normalise("english!"));
        assertThrows(IllegalArgumentException.class, () -> new ServedLanguages(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Phrasebook.spoken("pl"));
    }

    @Test
    void theTranscriptListsTurnsInOrderAndTheSummaryTellsWhatHappened() {
        Conversation talk = new Conversation(UUID.randomUUID(), "turn_based", "en", Instant.now());
        talk.chooseLanguage(Optional.of("de"), ServedLanguages.of("en"));
        UUID entry = UUID.randomUUID();
        ConversationTurn one = new ConversationTurn(talk, "when are you open", "Nine to five. Anything else?", "en", Intent.QUESTION,
                entry, 0.9, 12, null, null, Instant.now());
        ConversationTurn two = new ConversationTurn(talk, "do you sell bikes", "No answer.", "en", Intent.QUESTION, null, 0.9, 8,
                null, null, Instant.now());
        ConversationTurn three = new ConversationTurn(talk, null, "Sorry?", "en", Intent.UNCLEAR, null, null, 1, null, null, Instant.now());
        talk.failedAttempt();
        talk.conclude(Outcome.TRANSFERRED, "customer service");
        Transcript t = Transcript.of(Optional.of(talk), List.of(one, two, three),
                List.of(new RouteStep(RouteStep.DEPARTMENT, "Reception (open)", Instant.now())),
                id -> Optional.ofNullable(Map.of(entry, "What are your opening hours?").get(id)));
        assertEquals("""
                Caller: when are you open
                Receptionist: Nine to five. Anything else?
                Caller: do you sell bikes
                Receptionist: No answer.
                Caller: (silence)
                Receptionist: Sorry?""", t.text());
        assertEquals(List.of(1, 2, 3), List.of(one.seq(), two.seq(), three.seq()));
        assertTrue(t.summary().contains("Language: English (caller spoke German, not served)."), t.summary());
        assertTrue(t.summary().contains("Answered: What are your opening hours?."), t.summary());
        assertTrue(t.summary().contains("Not answered: do you sell bikes."), t.summary());
        assertTrue(t.summary().contains("Route: department Reception (open)."), t.summary());
        assertTrue(t.summary().contains("Outcome: transferred (customer service)."), t.summary());
        assertTrue(t.summary().contains("1 unsuccessful attempt."), t.summary());
        assertTrue(t.summary().endsWith("3 turns."), t.summary());

        Transcript none = Transcript.of(Optional.empty(), List.of(), List.of(), id -> Optional.empty());
        assertEquals("(no conversation with the receptionist)", none.text());
        assertEquals("0 turns.", none.summary());
    }

    @Test
    void everyPhraseExistsInEverySpokenLanguage() {
        for (String language : Phrasebook.languages()) {
            for (Phrase p : Phrase.values()) {
                assertFalse(Phrasebook.wording(p, language).isBlank(), p + " in " + language);
            }
        }
    }
}
