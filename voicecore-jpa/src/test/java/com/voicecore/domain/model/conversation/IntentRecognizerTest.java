package com.voicecore.domain.model.conversation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Goodbyes only at the end, names only where they are asked for. */
class IntentRecognizerTest {

    private final Directory directory = new Directory(
            List.of(new Directory.Listing(UUID.randomUUID(), "Sales"), new Directory.Listing(UUID.randomUUID(), "Support")),
            List.of(new Directory.Listing(UUID.randomUUID(), "Sam Seller")), Map.of());

    private Intent intent(String words, String language) {
        return IntentRecognizer.recognise(words, language, directory).intent();
    }

    @Test
    void aGoodbyeCueInsideAQuestionDoesNotEndTheCall() {
        assertEquals(Intent.QUESTION, intent("Dag, wat zijn uw openingstijden?", "nl"));
        assertEquals(Intent.QUESTION, intent("Op welke dag bent u open?", "nl"));
        assertEquals(Intent.QUESTION, intent("È tutto compreso?", "it"));
        assertEquals(Intent.QUESTION, intent("no thanks needed, what are your hours", "en"));
    }

    @Test
    void goodbyesAtTheEndOrAloneStillEndIt() {
        assertEquals(Intent.END, intent("goodbye", "en"));
        assertEquals(Intent.END, intent("no thanks, goodbye", "en"));
        assertEquals(Intent.END, intent("that's all, goodbye, thank you", "en"));
        assertEquals(Intent.END, intent("adiós, eso es todo", "es"));
        assertEquals(Intent.END, intent("ok, è tutto", "it"));
        assertEquals(Intent.END, intent("Tot ziens", "nl"));
    }

    @Test
    void aNameCountsOnlyRightAfterTheTransferCue() {
        assertEquals(Intent.QUESTION, intent("I would like to know how much sales tax you charge", "en"));
        assertEquals(Intent.QUESTION, intent("I want to know if support is included in the price", "en"));
        assertEquals(Intent.DEPARTMENT, intent("I'd like to talk to sales", "en"));
        assertEquals(Intent.DEPARTMENT, intent("could you put me through to the sales department please", "en"));
        assertEquals(Intent.DEPARTMENT, intent("Sales please", "en"));
        assertEquals(Intent.AGENT, intent("can I speak to Sam Seller please", "en"));
        assertEquals(Intent.AGENT, intent("quisiera hablar con Sam Seller", "es"));
        assertEquals(Intent.QUESTION, intent("quisiera saber si el support está incluido en el precio", "es"));
    }
}
