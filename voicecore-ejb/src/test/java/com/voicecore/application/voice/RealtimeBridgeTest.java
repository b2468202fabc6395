package com.voicecore.application.voice;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
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

/** The bridge's state machine with recording doubles of both sockets and of its support: no container, no network. */
class RealtimeBridgeTest {

    static final class Twilio implements MediaChannel {
        final List<JsonObject> sent = new ArrayList<>();
        String closed;

        @Override
        public void send(String json) {
            sent.add(Json.createReader(new StringReader(json)).readObject());
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }

        List<JsonObject> events(String name) {
            return sent.stream().filter(e -> name.equals(e.getString("event"))).toList();
        }
    }

    static final class OpenAi implements RealtimeConnection {
        final List<JsonObject> sent = new ArrayList<>();
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
            return sent.stream().filter(e -> type.equals(e.getString("type"))).toList();
        }
    }

    static final class Support implements BridgeSupport {
        final List<Turn> turns = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        final List<Runnable> timers = new ArrayList<>();
        String toolOutput = "{\"ok\":true}";
        CompletableFuture<Void> failure;

        @Override
        public void record(Turn turn) {
            turns.add(turn);
        }

        @Override
        public CompletionStage<String> tool(String name, String argumentsJson) {
            log.add("tool " + name + " " + argumentsJson);
            return CompletableFuture.completedFuture(toolOutput);
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
}
