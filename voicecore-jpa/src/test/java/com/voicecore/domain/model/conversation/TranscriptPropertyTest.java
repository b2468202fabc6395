package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.call.RouteStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Property 21 over generated calls: whatever was said, in whatever order, and however the call ended,
 * the transcript written when it ends holds every turn in order, and the summary is there and says
 * how it ended; a call that never talked to the receptionist still gets both.
 */
class TranscriptPropertyTest {

    private static final Intent[] INTENTS = Intent.values();

    /** One generated turn: what the caller said (null: silence or keys), the reply, the intent. */
    record GeneratedTurn(String caller, String reply, Intent intent, boolean answered) {
    }

    private static Gen<String> words() {
        // printable text, never blank at its ends (the transcript is stripped as a whole, not per turn)
        return SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 40).map(s -> "w" + s.strip() + ".");
    }

    private static Gen<GeneratedTurn> turns() {
        return words().zip(words(), SourceDSL.integers().between(0, INTENTS.length - 1), SourceDSL.integers().between(0, 3),
                (caller, reply, intent, shape) -> new GeneratedTurn(shape == 0 ? null : caller, reply, INTENTS[intent], shape == 3));
    }

    @Test
    @DisplayName("Property 21: Automatic Transcription")
    void everyTurnInOrderASummaryAndTheOutcome() {
        qt().withExamples(200).forAll(SourceDSL.lists().of(turns()).ofSizeBetween(0, 12),
                SourceDSL.integers().between(-1, Outcome.values().length - 1), SourceDSL.booleans().all())
                .checkAssert((generated, outcomeIndex, routed) -> {
                    Conversation c = new Conversation(UUID.randomUUID(), "turn_based", "en", Instant.now());
                    List<ConversationTurn> turns = new ArrayList<>();
                    for (GeneratedTurn g : generated) {
                        turns.add(new ConversationTurn(c, g.caller(), g.reply(), "en", g.intent(),
                                g.answered() ? UUID.randomUUID() : null, null, 5, null, null, Instant.now()));
                    }
                    if (outcomeIndex >= 0) {
                        c.conclude(Outcome.values()[outcomeIndex], "generated");
                    }
                    c.finish(Instant.now()); // as when the call ends: an outcome is always settled
                    List<RouteStep> route = routed
                            ? List.of(new RouteStep(RouteStep.DEPARTMENT, "Sales (open)", Instant.now()))
                            : List.of();
                    Transcript t = Transcript.of(Optional.of(c), turns, route, id -> Optional.of("Entry " + id));

                    int from = 0;
                    for (ConversationTurn turn : turns) {
                        String block = "Caller: " + turn.callerText().orElse(turn.intent() == Intent.UNCLEAR ? "(silence)" : "(keys)")
                                + "\nReceptionist: " + turn.replyText();
                        int at = t.text().indexOf(block, from);
                        assertTrue(at >= from, "turn " + turn.seq() + " in order in:\n" + t.text());
                        from = at + block.length();
                    }
                    assertFalse(t.summary().isBlank());
                    assertTrue(t.summary().length() <= Transcript.MAX_SUMMARY);
                    String outcome = "Outcome: " + c.outcome().orElseThrow().code();
                    assertTrue(t.summary().contains(outcome) || t.summary().length() == Transcript.MAX_SUMMARY,
                            "the outcome in: " + t.summary());
                    assertTrue(t.summary().contains(turns.size() + " turn") || t.summary().length() == Transcript.MAX_SUMMARY,
                            t.summary());
                });
    }

    @Test
    @DisplayName("Property 21: Automatic Transcription")
    void aCallWithoutAConversationStillGetsATranscriptAndSummary() {
        qt().withExamples(100).forAll(SourceDSL.integers().between(0, 3), words()).checkAssert((kind, detail) -> {
            String step = List.of(RouteStep.DEPARTMENT, RouteStep.AGENT, RouteStep.VOICEMAIL, RouteStep.REJECTED).get(kind);
            Transcript t = Transcript.of(Optional.empty(), List.of(), List.of(new RouteStep(step, detail, Instant.now())),
                    id -> Optional.empty());
            assertFalse(t.text().isBlank());
            assertFalse(t.summary().isBlank());
            assertTrue(t.summary().contains("Route: " + step + " " + detail), t.summary());
        });
    }
}
