package com.voicecore.application.voice;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import com.voicecore.domain.model.conversation.Conversation;
import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.Directory;
import com.voicecore.domain.model.conversation.ServedLanguages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The bridge's state machine with recording doubles of both sockets and of its support: no container, no network. */
class RealtimeBridgeTest {

    static final class Twilio implements MediaChannel {
        final List<JsonObject> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        String closed;

        volatile String lastMark;

        @Override
        public void send(String json) {
            JsonObject event = Json.createReader(new StringReader(json)).readObject();
            sent.add(event);
            if ("mark".equals(event.getString("event"))) {
                lastMark = event.getJsonObject("mark").getString("name");
            }
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }

        List<JsonObject> events(String name) {
            synchronized (sent) {
                return sent.stream().filter(e -> name.equals(e.getString("event"))).toList();
            }
        }
    }

    static final class OpenAi implements RealtimeConnection {
        final List<JsonObject> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean closed;

        @Override
        public void send(String json) {
            sent.add(Json.createReader(new StringReader(json)).readObject());
        }

        @Override
        public void close() {
            closed = true;
        }

        List<JsonObject> events(String type) {
            synchronized (sent) {
                return sent.stream().filter(e -> type.equals(e.getString("type"))).toList();
            }
        }
    }

    static class Support implements BridgeSupport {
        final List<Turn> turns = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        final List<Runnable> timers = new ArrayList<>();
        String toolOutput = "{\"ok\":true}";
        CompletableFuture<Void> failure;

        @Override
        public CompletionStage<TurnOutcome> record(Turn turn) {
            turns.add(turn);
            return CompletableFuture.completedFuture(TurnOutcome.NONE);
        }

        @Override
        public CompletionStage<java.util.Optional<String>> language(String callerWords) {
            log.add("language " + callerWords);
            return CompletableFuture.completedFuture(java.util.Optional.empty());
        }

        final java.util.ArrayDeque<String> scripted = new java.util.ArrayDeque<>();

        @Override
        public CompletionStage<String> tool(String name, String argumentsJson) {
            log.add("tool " + name + " " + argumentsJson);
            return CompletableFuture.completedFuture(scripted.isEmpty() ? toolOutput : scripted.removeFirst());
        }

        @Override
        public CompletionStage<Void> failed(String reason) {
            log.add("failed " + reason);
            failure = new CompletableFuture<>();
            return failure;
        }

        @Override
        public void closed() {
            log.add("closed");
        }

        @Override
        public void schedule(Runnable task, long delayMillis) {
            timers.add(task);
        }
    }

    /**
     * The support a deployed bridge has, in memory: each exchange is judged by the real conversation
     * policy on a real {@link Conversation} (the rule and the count the service uses), and the outcome
     * (the third unsuccessful attempt: customer service) goes back to the bridge.
     */
    static final class Counting extends Support {
        final Conversation conversation = new Conversation(UUID.randomUUID(), "realtime", "en", java.time.Instant.now());
        final ConversationPolicy policy = new ConversationPolicy(ServedLanguages.of("en", "es"),
                (words, served) -> java.util.Optional.of(words.startsWith("Hola") ? "es" : "en"), Directory.empty(),
                (words, language) -> java.util.Optional.empty(), words -> false);
        final List<Boolean> failed = new ArrayList<>();
        final List<Runnable> running = new ArrayList<>();
        int handOvers;

        /** Tools finish later, as on the executor: after the response that called them is done. */
        @Override
        public CompletionStage<String> tool(String name, String argumentsJson) {
            CompletableFuture<String> done = new CompletableFuture<>();
            String output = scripted.isEmpty() ? toolOutput : scripted.removeFirst();
            running.add(() -> done.complete(output));
            return done;
        }

        void finishTools() {
            List<Runnable> now = new ArrayList<>(running);
            running.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public CompletionStage<TurnOutcome> record(Turn turn) {
            turns.add(turn);
            ConversationPolicy.Decision decision = policy.assess(conversation, turn.utterances(), turn.assisted());
            failed.add(decision.failedAttempt());
            boolean handOver = decision.kind() == ConversationPolicy.Kind.HAND_OVER;
            handOvers += handOver ? 1 : 0;
            return CompletableFuture.completedFuture(new TurnOutcome(conversation.failedAttempts(), handOver));
        }
    }

    Twilio twilio;
    OpenAi openAi;
    Support support;
    RealtimeBridge bridge;

    @BeforeEach
    void bridge() {
        twilio = new Twilio();
        openAi = new OpenAi();
        support = new Support();
        bridge = new RealtimeBridge(UUID.randomUUID(), UUID.randomUUID(), "CA123",
                new SessionConfig("sk-x", "gpt-realtime", "marin", "Be nice."), support);
    }

    private void open() {
        bridge.connected(openAi);
        bridge.attach(twilio, "MZ1");
        server("{\"type\":\"session.updated\",\"session\":{}}");
    }

    private void server(String json) {
        bridge.onEvent(json, System.nanoTime());
    }

    private void caller(String json) {
        bridge.onTwilio(json, System.nanoTime());
    }

    private void delta(String item, int bytes) {
        server("{\"type\":\"response.output_audio.delta\",\"response_id\":\"r\",\"item_id\":\"" + item + "\",\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"}");
    }

    private void echo(String mark) {
        caller("{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"" + mark + "\"}}");
    }

    private static String media(int fill) {
        byte[] frame = new byte[160];
        java.util.Arrays.fill(frame, (byte) fill);
        return "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"" + Base64.getEncoder().encodeToString(frame) + "\"}}";
    }

    @Test
    void callerAudioWaitsForTheSessionUpdateThenFlowsInOrder() {
        bridge.connected(openAi);
        bridge.attach(twilio, "MZ1");
        assertEquals("session.update", openAi.sent.get(0).getString("type"), "configured before anything else");
        for (int i = 0; i < 5; i++) {
            caller(media(i));
        }
        assertTrue(openAi.events("input_audio_buffer.append").isEmpty(), "no audio before session.updated");
        server("{\"type\":\"session.updated\",\"session\":{}}");
        caller(media(5));
        List<JsonObject> appends = openAi.events("input_audio_buffer.append");
        assertEquals(6, appends.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(Base64.getDecoder().decode(appends.get(i).getString("audio"))[0], (byte) i, "in order");
        }
        assertEquals(1, openAi.events("response.create").size(), "the receptionist greets once the session and stream are up");
    }

    @Test
    void malformedMessagesAndAudioThatIsNotBase64AreDroppedNeverBridged() {
        open();
        caller("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"}"); // cut short
        caller("{\"event\":\"media\",\"media\":{\"payload\":\"AA\\\"AA\"}}"); // an escape inside the audio
        caller("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\\\",\\\"type\\\":\\\"response.create\"}}"); // an injection
        caller("{\"event\":\"media\",\"media\":{\"payload\":\"not base64!\"}}");
        caller("{\"event\":\"media\",\"media\":{\"payload\":12}}");
        caller("[\"media\"]");
        caller(media(7));
        List<JsonObject> appends = openAi.events("input_audio_buffer.append");
        assertEquals(1, appends.size(), "only the well-formed frame: " + appends);
        assertEquals(7, Base64.getDecoder().decode(appends.get(0).getString("audio"))[0]);
        assertEquals(1, openAi.events("response.create").size(), "nothing injected");
        server("{\"type\":\"response.output_audio.delta\",\"item_id\":\"a\",\"delta\":\"@@@@\"}");
        server("{\"type\":\"response.output_audio.delta\",\"item_id\":\"a\",\"delta\":\"AAAA\"");
        server("{\"type\":\"response.output_audio.delta\",\"item_id\":\"a\",\"delta\":\"AA\\u0041A\"}");
        assertTrue(twilio.events("media").isEmpty() && twilio.events("mark").isEmpty());
        assertEquals(9, bridge.malformedMessages());
        assertNull(twilio.closed, "a bad message does not end the call");
        delta("a", 160);
        assertEquals(1, twilio.events("media").size());
        assertEquals(1, twilio.events("mark").size());
    }

    private static String numbered(int n) {
        byte[] frame = new byte[160];
        frame[0] = (byte) (n >> 8);
        frame[1] = (byte) n;
        return Base64.getEncoder().encodeToString(frame);
    }

    private static int number(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        return (b[0] & 0xff) << 8 | (b[1] & 0xff);
    }

    @Test
    void bothDirectionsAtOnceLoseAndReorderNothing() throws Exception {
        open();
        int frames = 3000;
        // each socket delivers on its own thread: Twilio's carries the caller's audio and the marks played
        Thread caller = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                caller("{\"event\":\"media\",\"sequenceNumber\":\"" + i + "\",\"media\":{\"payload\":\"" + numbered(i) + "\"}}");
                String played = twilio.lastMark;
                if (i % 7 == 0 && played != null) {
                    echo(played);
                }
            }
        });
        Thread model = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                server("{\"type\":\"response.output_audio.delta\",\"item_id\":\"a\",\"delta\":\"" + numbered(i) + "\"}");
            }
        });
        caller.start();
        model.start();
        caller.join(30_000);
        model.join(30_000);
        List<JsonObject> appends = openAi.events("input_audio_buffer.append");
        assertEquals(frames, appends.size());
        for (int i = 0; i < frames; i++) {
            assertEquals(i, number(appends.get(i).getString("audio")), "caller audio in order");
        }
        List<JsonObject> toCaller;
        synchronized (twilio.sent) {
            toCaller = List.copyOf(twilio.sent);
        }
        assertEquals(2 * frames, toCaller.size());
        for (int i = 0; i < frames; i++) {
            assertEquals("media", toCaller.get(2 * i).getString("event"));
            assertEquals(i, number(toCaller.get(2 * i).getJsonObject("media").getString("payload")), "assistant audio in order");
            assertEquals("mark", toCaller.get(2 * i + 1).getString("event"), "each frame followed by its mark");
        }
    }

    @Test
    void bargeInTruncatesAtTheLastEchoedMarkOverGeneratedPlaybacks() {
        qt().withExamples(200).forAll(integers().between(1, 30), integers().between(0, 30), integers().between(1, 2000))
                .checkAssert((chunks, heardChunks, chunkBytes) -> {
                    bridge();
                    open();
                    delta("old", 4000); // an earlier reply whose late mark must not count
                    String oldMark = twilio.events("mark").get(0).getJsonObject("mark").getString("name");
                    for (int i = 0; i < chunks; i++) {
                        delta("item", chunkBytes);
                    }
                    List<JsonObject> marks = twilio.events("mark");
                    int heard = Math.min(heardChunks, chunks - 1);
                    echo(oldMark);
                    if (heard > 0) {
                        echo(marks.get(heard).getJsonObject("mark").getString("name")); // marks[0] is the old reply's
                    }
                    server("{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":0,\"item_id\":\"c\"}");
                    assertEquals(1, twilio.events("clear").size());
                    JsonObject cut = openAi.events("conversation.item.truncate").get(0);
                    assertEquals("item", cut.getString("item_id"));
                    assertEquals(heard * chunkBytes / 8, cut.getInt("audio_end_ms"));
                    assertTrue(cut.getInt("audio_end_ms") <= chunks * chunkBytes / 8);
                });
    }

    @Test
    void aTransferClosesOnlyAfterTheClosingSentenceWasPlayed() {
        open();
        server("{\"type\":\"response.function_call_arguments.done\",\"call_id\":\"c1\",\"name\":\"transfer_call\",\"arguments\":\"{\\\"department\\\":\\\"Sales\\\"}\"}");
        assertEquals("c1", openAi.events("conversation.item.create").get(0).getJsonObject("item").getString("call_id"));
        assertEquals(2, openAi.events("response.create").size());
        server("{\"type\":\"response.created\",\"response\":{\"id\":\"final\"}}");
        delta("bye", 1600);
        server("{\"type\":\"response.done\",\"response\":{\"id\":\"final\",\"status\":\"completed\"}}");
        assertNull(twilio.closed, "the sentence is still playing");
        echo(twilio.events("mark").get(0).getJsonObject("mark").getString("name"));
        assertEquals("conversation decided", twilio.closed);
        assertTrue(openAi.closed);
        assertEquals(1, support.timers.size(), "a deadline in case the marks never come");
    }

    @Test
    void aServerErrorIsRecordedBeforeTheStreamClosesAndOrdinaryErrorsAreNot() {
        open();
        server("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"bad\"}}");
        assertNull(twilio.closed);
        server("{\"type\":\"error\",\"error\":{\"type\":\"server_error\",\"code\":\"server_error\"}}");
        assertTrue(support.log.contains("failed OpenAI error server_error"));
        assertNull(twilio.closed, "not before the failure is stored");
        support.failure.complete(null);
        assertEquals("fallback to a human", twilio.closed);
        assertTrue(openAi.closed);
    }

    @Test
    void theCallersWordsAndTheReplyAreOneTurnWhicheverIsKnownFirstWithItsLatency() {
        open();
        server("{\"type\":\"input_audio_buffer.speech_started\",\"item_id\":\"c1\"}");
        server("{\"type\":\"input_audio_buffer.speech_stopped\",\"item_id\":\"c1\"}");
        delta("a1", 800); // the reply starts before the caller's words are transcribed
        server("{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\"a1\",\"transcript\":\"Yes.\"}");
        server("{\"type\":\"response.done\",\"response\":{\"id\":\"r1\"}}");
        assertTrue(support.turns.isEmpty(), "waits for the caller's words");
        server("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c1\",\"transcript\":\"Open today?\"}");
        assertEquals(1, support.turns.size());
        Turn turn = support.turns.get(0);
        assertEquals("Open today?", turn.callerText());
        assertEquals("Yes.", turn.replyText());
        assertTrue(turn.responseLatencyMs() != null && turn.bridgeMaxMicros() != null);
        assertEquals(1, turn.bridgeFrames());
        // words with no answer yet are kept when the call drops
        server("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c2\",\"transcript\":\"Hello?\"}");
        bridge.onClosed("gone");
        assertEquals(2, support.turns.size());
        assertEquals("Hello?", support.turns.get(1).callerText());
        assertEquals("", support.turns.get(1).replyText());
    }

    @Test
    void aSessionLostBeforeTheStreamCameLeavesTheBridgeDeadNotFailed() {
        bridge.connected(openAi);
        bridge.onClosed("gone");
        assertTrue(bridge.isDead());
        assertFalse(support.log.stream().anyMatch(l -> l.startsWith("failed")));
    }

    // ------------------------------------------------------------------ Property 6 through the bridge

    /** A caller turn's kind: how the model's tools fared. */
    enum Kind {
        SEARCH_MISS(true), SEARCH_HIT(false), UNKNOWN_TARGET(true), UNHEARD(true), CHAT(false), MISS_THEN_HIT(false);

        final boolean unsuccessful;

        Kind(boolean unsuccessful) {
            this.unsuccessful = unsuccessful;
        }
    }

    private static final String MISS = "{\"results\":[],\"note\":\"Nothing in the knowledge base answers this\"}";
    private static final String HIT = "{\"results\":[{\"id\":\"" + UUID.randomUUID() + "\",\"question\":\"q\",\"answer\":\"a\"}]}";
    private static final String NOBODY = "{\"ok\":false,\"error\":\"No such department, person or extension\",\"departments\":[\"Sales\"]}";

    @Test
    @DisplayName("Property 6: AI Transfer Logic (realtime)")
    void property6TheThirdUnsuccessfulAttemptAndNoEarlierOneClosesTheStreamForCustomerService() {
        // 200 generated conversations of 1-12 caller turns: failed searches, answered searches, transfers to
        // nobody, words transcribed as nothing, chat without tools, a miss then a hit; the caller's words may
        // be transcribed before or after the reply
        qt().withExamples(200).forAll(lists().of(integers().between(0, 11)).ofSizeBetween(1, 12)).checkAssert(script -> {
            twilio = new Twilio();
            openAi = new OpenAi();
            Counting counting = new Counting();
            support = counting;
            bridge = new RealtimeBridge(UUID.randomUUID(), UUID.randomUUID(), "CA123",
                    new SessionConfig("sk-x", "gpt-realtime", "marin", "Be nice."), support);
            open();
            int unsuccessful = 0;
            for (int i = 0; i < script.size(); i++) {
                Kind kind = Kind.values()[script.get(i) % Kind.values().length];
                boolean lateWords = script.get(i) >= Kind.values().length;
                int marksBefore = twilio.events("mark").size();
                callerTurn(counting, i, kind, lateWords);
                if (kind.unsuccessful) {
                    unsuccessful++;
                }
                assertEquals(i + 1, support.turns.size(), "one stored turn per caller turn: " + support.turns);
                assertEquals(kind.unsuccessful, counting.failed.get(i), kind + " at turn " + i);
                assertNull(twilio.closed, "never before the reply has been heard (turn " + i + ")");
                // the reply is played: its marks come back
                List<JsonObject> marks = twilio.events("mark");
                for (JsonObject m : marks.subList(marksBefore, marks.size())) {
                    echo(m.getJsonObject("mark").getString("name"));
                }
                if (unsuccessful < Conversation.MAX_FAILED_ATTEMPTS) {
                    assertNull(twilio.closed, "no transfer before the third unsuccessful attempt (" + unsuccessful + ")");
                    assertEquals(0, counting.handOvers);
                    continue;
                }
                assertEquals("conversation decided", twilio.closed, "customer service right after the third");
                assertEquals(1, counting.handOvers);
                assertEquals(Conversation.MAX_FAILED_ATTEMPTS, counting.conversation.failedAttempts());
                assertTrue(openAi.closed);
                assertEquals(1, support.timers.size(), "a deadline in case the marks never came");
                return;
            }
            assertTrue(unsuccessful < Conversation.MAX_FAILED_ATTEMPTS);
            assertNull(twilio.closed);
            assertEquals(unsuccessful, counting.conversation.failedAttempts());
        });
    }

    @Test
    void theThirdUnsuccessfulAttemptWaitsForTheSentenceBeingPlayedAndStopsFeedingTheModel() {
        Counting counting = new Counting();
        support = counting;
        bridge = new RealtimeBridge(UUID.randomUUID(), UUID.randomUUID(), "CA123",
                new SessionConfig("sk-x", "gpt-realtime", "marin", "Be nice."), support);
        open();
        for (int i = 0; i < 3; i++) {
            callerTurn(counting, i, Kind.SEARCH_MISS, false);
        }
        assertNull(twilio.closed, "the third reply is still playing");
        int appends = openAi.events("input_audio_buffer.append").size();
        caller(media(1));
        assertEquals(appends, openAi.events("input_audio_buffer.append").size(), "the caller is being handed over");
        List<JsonObject> marks = twilio.events("mark");
        echo(marks.get(marks.size() - 2).getJsonObject("mark").getString("name"));
        assertNull(twilio.closed, "one mark still out");
        echo(marks.get(marks.size() - 1).getJsonObject("mark").getString("name"));
        assertEquals("conversation decided", twilio.closed);
        assertEquals(List.of(true, true, true), counting.failed);
        assertTrue(support.turns.stream().allMatch(t -> t.callerText() != null && t.replyText().endsWith("Sorry, I cannot help with that.")),
                support.turns.toString());
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency (realtime)")
    void theCallersFirstClearWordsUpdateTheSessionsInstructionsOnce() {
        List<String> asked = new ArrayList<>();
        support = new Support() {
            @Override
            public CompletionStage<java.util.Optional<String>> language(String callerWords) {
                asked.add(callerWords);
                return CompletableFuture.completedFuture(callerWords.length() < 6 ? java.util.Optional.empty()
                        : java.util.Optional.of("The caller speaks Spanish."));
            }
        };
        bridge = new RealtimeBridge(UUID.randomUUID(), UUID.randomUUID(), "CA123",
                new SessionConfig("sk-x", "gpt-realtime", "marin", "Be nice."), support);
        open();
        server("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c0\",\"transcript\":\"Hola\"}");
        assertEquals(1, openAi.events("session.update").size(), "a word or two leaves the language open");
        server("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c1\",\"transcript\":\"Quisiera una cita\"}");
        server("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c2\",\"transcript\":\"And in English?\"}");
        List<JsonObject> updates = openAi.events("session.update");
        assertEquals(2, updates.size(), "the language is fixed once: " + updates);
        JsonObject session = updates.get(1).getJsonObject("session");
        assertEquals("realtime", session.getString("type"));
        assertEquals("Be nice.\n\nThe caller speaks Spanish.", session.getString("instructions"));
        assertEquals(java.util.Set.of("type", "instructions"), session.keySet(), "only the instructions change");
        assertEquals(List.of("Hola", "Quisiera una cita"), asked, "asked utterance by utterance until one fixed it");
    }

    /** One caller turn: speech, the tools of its kind with their outputs, the spoken reply (not yet played). */
    private void callerTurn(Counting counting, int i, Kind kind, boolean lateWords) {
        server("{\"type\":\"input_audio_buffer.speech_started\",\"item_id\":\"c" + i + "\"}");
        server("{\"type\":\"input_audio_buffer.speech_stopped\",\"item_id\":\"c" + i + "\"}");
        String words = kind == Kind.UNHEARD ? "" : "Question number " + i + "?";
        String transcript = "{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c" + i
                + "\",\"transcript\":\"" + words + "\"}";
        if (!lateWords) {
            server(transcript);
        }
        List<String> outputs = switch (kind) {
            case SEARCH_MISS -> List.of(MISS);
            case SEARCH_HIT -> List.of(HIT);
            case UNKNOWN_TARGET -> List.of(NOBODY);
            case MISS_THEN_HIT -> List.of(MISS, HIT);
            case UNHEARD, CHAT -> List.of();
        };
        for (int t = 0; t < outputs.size(); t++) {
            counting.scripted.addLast(outputs.get(t));
            String name = outputs.get(t).equals(NOBODY) ? "transfer_call" : "search_knowledge_base";
            String args = name.equals("transfer_call") ? "{\\\"department\\\":\\\"Astrology\\\"}" : "{\\\"query\\\":\\\"q\\\"}";
            server("{\"type\":\"response.created\",\"response\":{\"id\":\"f" + i + "_" + t + "\"}}");
            delta("check" + i + "_" + t, 160); // "let me check", spoken in the response that calls the tool
            server("{\"type\":\"response.function_call_arguments.done\",\"call_id\":\"call" + i + "_" + t
                    + "\",\"name\":\"" + name + "\",\"arguments\":\"" + args + "\"}");
            server("{\"type\":\"response.done\",\"response\":{\"id\":\"f" + i + "_" + t + "\"}}");
            counting.finishTools();
        }
        String reply = kind.unsuccessful ? "Sorry, I cannot help with that." : "Here you are.";
        server("{\"type\":\"response.created\",\"response\":{\"id\":\"r" + i + "\"}}");
        delta("a" + i, 800);
        delta("a" + i, 800);
        server("{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\"a" + i + "\",\"transcript\":\"" + reply + "\"}");
        server("{\"type\":\"response.done\",\"response\":{\"id\":\"r" + i + "\"}}");
        if (lateWords) {
            server(transcript);
        }
    }
}
