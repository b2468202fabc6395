package com.voicecore.realtime.fake;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One session on the {@link FakeOpenAiRealtime} server, driven by a test: it records every client event
 * (audio appends are counted and kept apart) and sends GA server events on request.
 */
public final class FakeRealtimeSession {

    /** Looked up once: {@code Json.create…} would search the providers for every message. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Session socket;
    private final String authorization;
    private final String query;
    private final String betaHeader;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final List<byte[]> appended = new CopyOnWriteArrayList<>();
    private final AtomicLong appendedBytes = new AtomicLong();
    private final AtomicInteger sequence = new AtomicInteger();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile boolean sessionUpdated;
    /** Appends that arrived before this session sent session.updated (must stay 0). */
    private final AtomicInteger appendsBeforeUpdate = new AtomicInteger();
    private volatile CloseReason closeReason;
    private volatile boolean keepAudio = true;
    private volatile java.util.function.Consumer<JsonObject> onEvent = e -> { };

    FakeRealtimeSession(Session socket, String authorization, String query, String betaHeader) {
        this.socket = socket;
        this.authorization = authorization;
        this.query = query;
        this.betaHeader = betaHeader;
    }

    // ------------------------------------------------------------------ what the client sent

    void received(String text) {
        JsonObject event;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            event = reader.readObject();
        }
        String type = event.getString("type", "");
        if (type.equals("input_audio_buffer.append")) {
            if (!sessionUpdated) {
                appendsBeforeUpdate.incrementAndGet();
            }
            byte[] audio = Base64.getDecoder().decode(event.getString("audio"));
            appendedBytes.addAndGet(audio.length);
            if (keepAudio) {
                appended.add(audio);
            }
            onEvent.accept(event);
            return;
        }
        events.add(event);
        if (type.equals("session.update")) {
            JsonObject session = event.getJsonObject("session");
            if (session == null || !"realtime".equals(session.getString("type", "")) || session.containsKey("input_audio_format")) {
                send(JSON.createObjectBuilder().add("type", "error").add("error", JSON.createObjectBuilder()
                        .add("type", "invalid_request_error").add("code", "beta_api_shape_disabled")
                        .add("message", "The beta shape is retired")));
                close(4000, "beta_api_shape_disabled");
                return;
            }
            sessionUpdated = true;
            send(JSON.createObjectBuilder().add("type", "session.updated").add("session", session));
        }
        onEvent.accept(event);
    }

    void closed(CloseReason reason) {
        closeReason = reason;
        closedLatch.countDown();
    }

    /** Called for every client event as it arrives (appends included), on the socket's thread. */
    public void onEvent(java.util.function.Consumer<JsonObject> handler) {
        this.onEvent = handler;
    }

    /** Keep only counts of appended audio (benchmarks). */
    public void countAudioOnly() {
        keepAudio = false;
    }

    public String authorization() {
        return authorization;
    }

    public String query() {
        return query;
    }

    public String betaHeader() {
        return betaHeader;
    }

    public List<JsonObject> events() {
        return List.copyOf(events);
    }

    public List<JsonObject> events(String type) {
        return events.stream().filter(e -> type.equals(e.getString("type", ""))).toList();
    }

    /** Waits for the first client event matching. */
    public JsonObject awaitEvent(String type, Duration timeout) {
        return awaitEvent(e -> type.equals(e.getString("type", "")), type, timeout);
    }

    public JsonObject awaitEvent(Predicate<JsonObject> match, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            sleep(5);
        }
        throw new AssertionError("OpenAI never received " + what + "; got " + types());
    }

    /** Waits until {@code n} events of the type arrived. */
    public List<JsonObject> awaitEvents(String type, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonObject> found = events(type);
            if (found.size() >= n) {
                return found;
            }
            sleep(5);
        }
        throw new AssertionError("OpenAI received fewer than " + n + " " + type + "; got " + types());
    }

    public List<String> types() {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.getString("type", "?")));
        return types;
    }

    public List<byte[]> appendedAudio() {
        return List.copyOf(appended);
    }

    public long appendedBytes() {
        return appendedBytes.get();
    }

    public void awaitAppendedBytes(long bytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (appendedBytes.get() < bytes && System.nanoTime() < deadline) {
            sleep(5);
        }
        if (appendedBytes.get() < bytes) {
            throw new AssertionError("OpenAI got " + appendedBytes.get() + " of " + bytes + " bytes of caller audio");
        }
    }

    public int appendsBeforeSessionUpdated() {
        return appendsBeforeUpdate.get();
    }

    public boolean isSessionUpdated() {
        return sessionUpdated;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    public boolean awaitClosed(Duration timeout) {
        try {
            return closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public CloseReason closeReason() {
        return closeReason;
    }

    // ------------------------------------------------------------------ server events the test sends

    void sendSessionCreated() {
        send(JSON.createObjectBuilder().add("type", "session.created").add("session",
                JSON.createObjectBuilder().add("type", "realtime").add("id", "sess_" + System.nanoTime())));
    }

    public void speechStarted(int audioStartMs, String itemId) {
        send(JSON.createObjectBuilder().add("type", "input_audio_buffer.speech_started")
                .add("audio_start_ms", audioStartMs).add("item_id", itemId));
    }

    public void speechStopped(int audioEndMs, String itemId) {
        send(JSON.createObjectBuilder().add("type", "input_audio_buffer.speech_stopped")
                .add("audio_end_ms", audioEndMs).add("item_id", itemId));
    }

    public void callerTranscript(String itemId, String transcript) {
        send(JSON.createObjectBuilder().add("type", "conversation.item.input_audio_transcription.completed")
                .add("item_id", itemId).add("content_index", 0).add("transcript", transcript));
    }

    public void responseCreated(String responseId) {
        send(JSON.createObjectBuilder().add("type", "response.created")
                .add("response", JSON.createObjectBuilder().add("id", responseId).add("status", "in_progress")));
    }

    /** Sends {@code ms} of μ-law audio for the item as deltas of {@code chunkMs} each. */
    public void audio(String responseId, String itemId, int ms, int chunkMs) {
        int sent = 0;
        while (sent < ms) {
            int len = Math.min(chunkMs, ms - sent);
            audioDelta(responseId, itemId, new byte[len * 8]);
            sent += len;
        }
        send(JSON.createObjectBuilder().add("type", "response.output_audio.done").add("response_id", responseId)
                .add("item_id", itemId));
    }

    public void audioDelta(String responseId, String itemId, byte[] ulaw) {
        sendRaw("{\"type\":\"response.output_audio.delta\",\"event_id\":\"ev_" + sequence.incrementAndGet()
                + "\",\"response_id\":\"" + responseId + "\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + Base64.getEncoder().encodeToString(ulaw) + "\"}");
    }

    public void assistantTranscript(String responseId, String itemId, String transcript) {
        send(JSON.createObjectBuilder().add("type", "response.output_audio_transcript.done").add("response_id", responseId)
                .add("item_id", itemId).add("transcript", transcript));
    }

    public void responseDone(String responseId, String status) {
        send(JSON.createObjectBuilder().add("type", "response.done")
                .add("response", JSON.createObjectBuilder().add("id", responseId).add("status", status)));
    }

    /** A whole spoken reply: created, audio, transcript, done. */
    public void reply(String responseId, String itemId, String transcript, int ms) {
        responseCreated(responseId);
        audio(responseId, itemId, ms, 100);
        assistantTranscript(responseId, itemId, transcript);
        responseDone(responseId, "completed");
    }

    public void functionCall(String responseId, String callId, String name, String argumentsJson) {
        responseCreated(responseId);
        send(JSON.createObjectBuilder().add("type", "response.function_call_arguments.done").add("response_id", responseId)
                .add("item_id", "fc_" + callId).add("call_id", callId).add("name", name).add("arguments", argumentsJson));
        responseDone(responseId, "completed");
    }

    public void error(String type, String code) {
        send(JSON.createObjectBuilder().add("type", "error").add("error", JSON.createObjectBuilder()
                .add("type", type).add("code", code).add("message", "fake " + code)));
    }

    /**
     * Drops the session mid-call as OpenAI's side failing would: 1011 with no error event before it
     * (JSR 356 offers no way to cut the TCP connection itself; the bridge treats both alike).
     */
    public void abruptClose() {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "gone"));
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }

    public void close(int code, String reason) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException e) {
            // already gone
        }
    }

    private void send(JsonObjectBuilder event) {
        sendRaw(event.build().toString());
    }

    private synchronized void sendRaw(String json) {
        try {
            if (socket.isOpen()) {
                socket.getBasicRemote().sendText(json);
            }
        } catch (IOException e) {
            // the bridge went away; the test sees it elsewhere
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
