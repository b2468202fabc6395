package com.voicecore.domain.model.conversation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order of the policy's first checks: confidence, then language, then spam, then the apology. */
class ConversationPolicyTest {

    private final Conversation conversation = new Conversation(UUID.randomUUID(), "turn_based", "en", Instant.now());

    private static ConversationPolicy policy(String detected, boolean spam) {
        return new ConversationPolicy(ServedLanguages.of("en", "es"), (text, served) -> Optional.ofNullable(detected),
                Directory.empty(), (words, language) -> Optional.empty(), words -> spam);
    }

    @Test
    void wordsBelowTheConfidenceThresholdDoNotFixTheLanguage() {
        ConversationPolicy.Decision d = policy("es", false).decide(conversation, new ConversationPolicy.Input(
                Optional.of("hola quiero saber el horario"), Optional.empty(), Optional.of(ConversationPolicy.MIN_CONFIDENCE / 2)));
        assertFalse(conversation.isLanguageFixed(), "garbage does not choose the language");
        assertEquals("en", d.language());
        assertEquals(Phrasebook.say(Phrase.NOT_HEARD, "en"), d.reply());
        assertTrue(d.failedAttempt());

        ConversationPolicy.Decision clear = policy("es", false).decide(conversation, new ConversationPolicy.Input(
                Optional.of("hola quiero saber el horario"), Optional.empty(), Optional.of(0.9)));
        assertEquals("es", clear.language(), "the next clear utterance fixes it");
    }

    @Test
    void spamKeywordsAreScreenedBeforeTheUnservedLanguageApology() {
        ConversationPolicy.Decision d = policy("pl", true).decide(conversation, ConversationPolicy.Input.speech("darmowy kredyt crypto"));
        assertEquals(Intent.SPAM, d.intent());
        assertEquals(ConversationPolicy.Kind.END, d.kind());
        assertEquals(Optional.of(Outcome.SPAM), d.outcome());
        assertEquals(0, conversation.failedAttempts(), "no unsuccessful attempt for a blocked caller");
    }

    @Test
    void aRealtimeExchangeIsScreenedTooAndEndsBeforeAnythingIsCounted() {
        ConversationPolicy.Assisted failedSearch = new ConversationPolicy.Assisted(0, 1, 0, false);
        ConversationPolicy.Decision d = policy("pl", true).assess(conversation, java.util.List.of("darmowy kredyt crypto"), failedSearch);
        assertEquals(Intent.SPAM, d.intent());
        assertEquals(ConversationPolicy.Kind.END, d.kind());
        assertEquals(Optional.of(Outcome.SPAM), d.outcome());
        assertEquals(0, conversation.failedAttempts(), "neither the failed search nor the language counts");
        ConversationPolicy.Decision clean = policy("en", false).assess(conversation, java.util.List.of("do you repair bikes"), failedSearch);
        assertEquals(1, conversation.failedAttempts(), "without the spam words the failed search counts: " + clean);
    }
}
