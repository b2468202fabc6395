package com.voicecore.application.voice;

import com.voicecore.domain.model.conversation.ConversationPolicy;
import com.voicecore.domain.model.conversation.Intent;
import com.voicecore.domain.model.realtime.AssistantPlayback;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call's bridge between its Twilio media stream and its OpenAI Realtime session (GA protocol).
 * <ul>
 *   <li>μ-law passes through both ways untouched: a Twilio {@code media} payload becomes an
 *   {@code input_audio_buffer.append}, a {@code response.output_audio.delta} becomes a Twilio
 *   {@code media} followed by a {@code mark}. Caller audio that arrives before {@code session.updated}
 *   is held (up to 5 s) and sent in order once the session is configured, never before.</li>
 *   <li>Barge-in: {@code speech_started} with marks pending sends Twilio {@code clear} and OpenAI
 *   {@code conversation.item.truncate} at the audio actually heard ({@link AssistantPlayback}).</li>
 *   <li>Tools run off the socket threads ({@link BridgeSupport#tool}); a transfer or an end closes the
 *   stream only after the closing sentence has been played (its marks came back), or after a deadline.</li>
 *   <li>Turns are stored as they happen, with the reply's latency and the time the bridge added, and with
 *   what the model's tools found, which the conversation policy counts as help or as an unsuccessful
 *   attempt (Property 6). The third unsuccessful attempt decides the transfer to customer service; the
 *   bridge then lets the current sentence finish, like a transfer the model asked for, and closes.</li>
 *   <li>The caller's first clear words fix the conversation's language (Property 4); the session's
 *   instructions are then updated to reply only in it.</li>
 *   <li>Any failure of OpenAI (unreachable, a server error, a drop) is recorded as the outcome before
 *   the stream is closed, so the step Twilio fetches next sends the caller to a human.</li>
 * </ul>
 * Both sockets deliver one message at a time. The per-frame path is cheap: the hot messages (Twilio
 * {@code media} and {@code mark}, OpenAI {@code response.output_audio.delta}) are read by a strict
 * {@link FrameScanner} (no JSON tree; anything else gets the full parser) and answered from prebuilt
 * templates; caller audio goes to OpenAI without taking this object's lock once the session is
 * configured. Everything else (the assistant's audio, marks, turns, tools) is serialised on this object.
 * Payloads and transcripts are never logged.
 */
public final class RealtimeBridge implements RealtimeConnection.Listener {

    private static final Logger LOG = Logger.getLogger(RealtimeBridge.class.getName());
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    /** Caller audio held until the session is configured: 5 s of 20 ms frames. */
    static final int EARLY_FRAMES = 250;
    /** The longest a closing sentence may take before the stream is closed anyway. */
    static final long CLOSE_DEADLINE_MS = 15_000;

    static final Set<String> CLOSING_TOOLS = Set.of("transfer_call", "end_call");

    // the fields of the hot messages
    private static final int EVENT = 0;
    private static final int PAYLOAD = 1;
    private static final int MARK = 2;
    private static final int TYPE = 0;
    private static final int ITEM = 1;
    private static final int DELTA = 2;
    private static final String APPEND_HEAD = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"";
    private static final String TAIL = "\"}}";
    private static final String APPEND_TAIL = "\"}";

    private final UUID streamId;
    private final UUID callId;
    private final String callSid;
    private final SessionConfig config;
    private final BridgeSupport support;

    private final AssistantPlayback playback = new AssistantPlayback();
    /** Read on the Twilio socket's thread only (one message at a time). */
    private final FrameScanner fromTwilio = FrameScanner.of(new String[] {"event"}, new String[] {"media", "payload"},
            new String[] {"mark", "name"});
    /** Read under this object's lock. */
    private final FrameScanner fromOpenAi = FrameScanner.of(new String[] {"type"}, new String[] {"item_id"},
            new String[] {"delta"});
    /** The session, once caller audio may go straight to it (configured, not handing over, not finished). */
    private volatile RealtimeConnection direct;
    private final java.util.concurrent.atomic.AtomicLong malformed = new java.util.concurrent.atomic.AtomicLong();
    private String mediaHead;
    private String markHead;
    private final ArrayDeque<String> early = new ArrayDeque<>();
    private final Map<String, String> transcripts = new HashMap<>();

    private RealtimeConnection openai;
    private MediaChannel twilio;
    private String streamSidJson;
    private boolean sessionReady;
    private boolean greeted;
    private boolean dead;
    private boolean finished;

    // the exchange being assembled: the caller's words (transcribed asynchronously) and the reply to them
    private boolean callerSpoke;
    private String callerText;
    private String replyText;
    private Integer turnLatencyMs;
    private Integer turnBridgeMicros;
    private int turnFrames;
    private boolean replied;
    private Intent intent;
    private UUID knowledgeEntryId;
    private boolean callerKnown; // the caller's transcription arrived (words, or nothing usable)
    private final java.util.List<String> utterances = new java.util.ArrayList<>();
    // what the model's tools found for the exchange (Property 6)
    private int answersFound;
    private int searchesWithoutAnswer;
    private int unknownTargets;
    private boolean settled;
    // an exchange with a tool call is complete only once the reply to the tool's output is done
    private int toolsPending;
    private boolean toolReplyPending;
    private String toolReplyId;
    private String currentResponse;

    // the conversation's language: asked with each of the caller's utterances until one fixes it (Property 4)
    private boolean languageOpen = true;

    // the reply being forwarded (reset on every new assistant item)
    private String replyItem;
    private long speechStoppedAt = -1;
    private Integer replyLatencyMs;
    private long replyBridgeMaxNanos;
    private int replyFrames;

    // a decided transfer or end: close once the closing reply has been heard
    private boolean closeRequested;
    private String finalResponseId;
    private boolean finalResponseDone;
    // the third unsuccessful attempt: the caller goes to customer service, nothing more reaches the model
    private boolean handingOver;

    public RealtimeBridge(UUID streamId, UUID callId, String callSid, SessionConfig config, BridgeSupport support) {
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.callId = Objects.requireNonNull(callId, "callId");
        this.callSid = Objects.requireNonNull(callSid, "callSid");
        this.config = Objects.requireNonNull(config, "config");
        this.support = Objects.requireNonNull(support, "support");
    }

    // ------------------------------------------------------------------ lifecycle

    /** The OpenAI session is open: configure it at once (before any audio). */
    public synchronized void connected(RealtimeConnection connection) {
        if (finished || dead) {
            connection.close();
            return;
        }
        openai = connection;
        openai.send(RealtimeEvents.sessionUpdate(config));
    }

    /** OpenAI could not be reached. Before the stream arrives the bridge is only dead (a new one is tried). */
    public synchronized void connectFailed() {
        if (twilio == null) {
            dead = true;
        } else {
            fail("OpenAI unreachable");
        }
    }

    /** The caller's media stream arrived and was admitted. */
    public synchronized void attach(MediaChannel channel, String streamSid) {
        this.twilio = Objects.requireNonNull(channel, "channel");
        this.streamSidJson = Json.createValue(streamSid == null ? "" : streamSid).toString();
        // prebuilt: each frame is head + base64 + tail
        this.mediaHead = "{\"event\":\"media\",\"streamSid\":" + streamSidJson + ",\"media\":{\"payload\":\"";
        this.markHead = "{\"event\":\"mark\",\"streamSid\":" + streamSidJson + ",\"mark\":{\"name\":\"";
        maybeGreet();
    }

    /** Dead before the stream came (OpenAI failed early): the stream needs a new bridge. */
    public synchronized boolean isDead() {
        return dead;
    }

    public synchronized boolean isAttached() {
        return twilio != null;
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    /** Closes a session whose stream never came. */
    public synchronized void abandon() {
        if (twilio == null && !finished) {
            finished = true;
            updateDirect();
            closeOpenAi();
        }
    }

    // ------------------------------------------------------------------ Twilio → OpenAI

    /**
     * A Twilio message. Caller audio takes no lock once the session is configured: it is scanned, checked
     * to be base64 and sent on as it came. Malformed messages are dropped (and counted), never bridged.
     */
    public void onTwilio(String json, long receivedNanos) {
        FrameScanner scan = fromTwilio;
        if (!scan.scan(json)) {
            rejected();
            return;
        }
        if (scan.is(EVENT, "media")) {
            if (!scan.isBase64(PAYLOAD)) {
                rejected();
                return;
            }
            RealtimeConnection session = direct;
            if (session != null) {
                session.send(RealtimeEvents.wrap(APPEND_HEAD, json, scan.start(PAYLOAD), scan.end(PAYLOAD), APPEND_TAIL));
                support.frameForwarded(false, System.nanoTime() - receivedNanos);
                return;
            }
            callerAudio(scan.string(PAYLOAD), receivedNanos);
        } else if (scan.is(EVENT, "mark")) {
            if (scan.has(MARK)) {
                markPlayed(scan.string(MARK));
            }
        } else if (scan.is(EVENT, "stop")) {
            stopped();
        }
        // connected, start (handled by the endpoint), dtmf: nothing to bridge
    }

    /** Caller audio before the session is configured (held, in order) or while the fast path is off. */
    private synchronized void callerAudio(String payload, long receivedNanos) {
        if (finished || handingOver) {
            return;
        }
        if (!sessionReady || openai == null) {
            if (early.size() < EARLY_FRAMES) {
                early.addLast(payload);
            }
            return;
        }
        openai.send(RealtimeEvents.append(payload));
        support.frameForwarded(false, System.nanoTime() - receivedNanos);
    }

    private synchronized void markPlayed(String name) {
        if (!finished && playback.played(name)) {
            maybeClose();
        }
    }

    private synchronized void stopped() {
        if (!finished) {
            finish();
        }
    }

    private void rejected() {
        if (malformed.incrementAndGet() % 1000 == 1) {
            LOG.warning("Dropped a malformed media stream or OpenAI message on call " + callSid + " (" + malformed.get() + " so far)");
        }
    }

    /** Messages dropped as malformed (neither bridged nor acted on). */
    public long malformedMessages() {
        return malformed.get();
    }

    /** Under the lock: caller audio may go straight to the session only when nothing else must see it first. */
    private void updateDirect() {
        direct = sessionReady && openai != null && !finished && !handingOver ? openai : null;
    }

    /** The Twilio socket closed (hang-up, or our own close). */
    public synchronized void twilioClosed() {
        if (!finished) {
            finish();
        }
    }

    // ------------------------------------------------------------------ OpenAI → Twilio

    @Override
    public synchronized void onEvent(String json, long receivedNanos) {
        if (finished) {
            return;
        }
        if (!fromOpenAi.scan(json)) {
            rejected();
            return;
        }
        if (fromOpenAi.is(TYPE, "response.output_audio.delta")) {
            forward(fromOpenAi, receivedNanos); // the hot one: no tree
            return;
        }
        JsonObject event = parse(json);
        if (event == null) {
            return;
        }
        switch (event.getString("type", "")) {
            case "session.updated" -> {
                sessionReady = true;
                while (!early.isEmpty()) {
                    openai.send(RealtimeEvents.append(early.removeFirst()));
                }
                updateDirect(); // from now on caller audio goes straight through, after what was held
                maybeGreet();
            }
            case "input_audio_buffer.speech_started" -> {
                bargeIn();
                flushExchange(); // whatever of the previous exchange is known is stored now
                callerSpoke = true;
            }
            case "input_audio_buffer.speech_stopped" -> {
                speechStoppedAt = receivedNanos;
                replyLatencyMs = null;
            }
            case "conversation.item.input_audio_transcription.completed" -> {
                String text = event.getString("transcript", "");
                callerSpoke = true;
                callerKnown = true;
                utterances.add(text); // blank: the caller spoke, nothing usable came of it
                if (!text.isBlank()) {
                    callerText = callerText == null ? text : callerText + " " + text;
                    askLanguage(text);
                }
                if (replied && exchangeComplete()) {
                    flushExchange();
                }
            }
            case "response.created" -> {
                JsonObject response = event.getJsonObject("response");
                String id = response == null ? "" : response.getString("id", "");
                currentResponse = id;
                if (toolReplyPending && toolReplyId == null) {
                    toolReplyId = id;
                }
                if (closeRequested && finalResponseId == null) {
                    finalResponseId = id;
                }
            }
            case "response.output_audio_transcript.done" ->
                    transcripts.put(event.getString("item_id", ""), event.getString("transcript", ""));
            case "response.function_call_arguments.done" -> {
                toolsPending++;
                runTool(event.getString("call_id", ""), event.getString("name", ""), event.getString("arguments", "{}"));
            }
            case "response.done" -> {
                JsonObject response = event.getJsonObject("response");
                String id = response == null ? "" : response.getString("id", "");
                if (id.equals(currentResponse)) {
                    currentResponse = null;
                }
                if (toolReplyPending && id.equals(toolReplyId)) {
                    toolReplyPending = false; // the reply to the tool's output: the exchange may complete
                    toolReplyId = null;
                }
                storeReply();
                if (closeRequested && finalResponseId != null && finalResponseId.equals(id)) {
                    finalResponseDone = true;
                }
                maybeClose();
            }
            case "error" -> {
                JsonObject error = event.getJsonObject("error");
                String type = error == null ? "" : error.getString("type", "");
                String code = error == null ? "" : error.getString("code", "");
                if (type.equals("server_error") || code.equals("session_expired")) {
                    fail("OpenAI error " + (code.isEmpty() ? type : code));
                } else {
                    // most errors leave the session open (an invalid truncate, say): note and go on
                    LOG.warning("OpenAI reported " + type + "/" + code + " on call " + callSid);
                }
            }
            default -> {
                // session.created, rate_limits.updated, transcript deltas, committed, truncated: nothing to do
            }
        }
    }

    @Override
    public synchronized void onClosed(String reason) {
        if (finished) {
            return;
        }
        if (twilio == null) {
            dead = true;
            return;
        }
        fail("OpenAI closed the session: " + reason);
    }

    // ------------------------------------------------------------------ the rules

    private void maybeGreet() {
        if (!greeted && sessionReady && twilio != null && openai != null) {
            greeted = true;
            openai.send(RealtimeEvents.RESPONSE_CREATE); // the receptionist speaks first, per its instructions
        }
    }

    private void bargeIn() {
        playback.bargeIn().ifPresent(cut -> {
            twilio.send(RealtimeEvents.clear(streamSidJson));
            openai.send(RealtimeEvents.truncate(cut.itemId(), cut.audioEndMs()));
            String heard = cut.audioEndMs() + " ms";
            storeReply(); // the interrupted reply is part of the exchange, as far as it was heard
            LOG.fine("Barge-in on call " + callSid + ": reply cut after " + heard);
            replyItem = null;
        });
    }

    /** One frame of the assistant's audio to Twilio: media and its mark, written together. */
    private void forward(FrameScanner scan, long receivedNanos) {
        if (twilio == null || !scan.has(DELTA)) {
            return;
        }
        if (!scan.isBase64(DELTA)) {
            rejected();
            return;
        }
        int from = scan.start(DELTA);
        int to = scan.end(DELTA);
        if (from == to) {
            return;
        }
        boolean sameItem = replyItem != null && (scan.has(ITEM) ? scan.is(ITEM, replyItem) : replyItem.isEmpty());
        if (!sameItem) {
            // a new assistant item: its own playback and metrics, whatever happened to the previous one
            storeReply();
            String itemId = scan.string(ITEM);
            replyItem = itemId == null ? "" : itemId;
            playback.startItem(replyItem);
        }
        String json = scan.text();
        String mark = playback.forwarded(replyItem, AssistantPlayback.decodedLength(json, from, to));
        twilio.send(RealtimeEvents.wrap(mediaHead, json, from, to, TAIL), RealtimeEvents.wrap(markHead, mark, 0, mark.length(), TAIL));
        long now = System.nanoTime(); // the audio and its mark are out
        if (speechStoppedAt >= 0 && replyLatencyMs == null) {
            replyLatencyMs = (int) ((now - speechStoppedAt) / 1_000_000);
        }
        long added = now - receivedNanos;
        replyBridgeMaxNanos = Math.max(replyBridgeMaxNanos, added);
        replyFrames++;
        support.frameForwarded(true, added);
    }

    /** The reply forwarded so far completes the exchange's answer (once per item). */
    private void storeReply() {
        if (replyItem == null || replyFrames == 0) {
            return;
        }
        String text = transcripts.remove(replyItem);
        text = text == null || text.isBlank() ? "(audio)" : text;
        replyText = replyText == null ? text : replyText + " " + text;
        if (turnLatencyMs == null) {
            turnLatencyMs = replyLatencyMs;
        }
        int micros = (int) Math.min(Integer.MAX_VALUE, replyBridgeMaxNanos / 1000);
        turnBridgeMicros = turnBridgeMicros == null ? micros : Math.max(turnBridgeMicros, micros);
        turnFrames += replyFrames;
        replied = true;
        if (replyLatencyMs != null) {
            speechStoppedAt = -1; // the caller's turn has had its answer
        }
        replyLatencyMs = null;
        replyBridgeMaxNanos = 0;
        replyFrames = 0;
        if ((!callerSpoke || callerKnown) && exchangeComplete()) {
            flushExchange(); // both sides known (or a greeting): stored now, not at the next turn
        }
    }

    /** No tool of the exchange is still running, and the reply to the last tool output is done. */
    private boolean exchangeComplete() {
        return toolsPending == 0 && !toolReplyPending;
    }

    /**
     * Stores the exchange as far as it is known, and starts the next one. The store judges it (Property
     * 6); when it was the third unsuccessful attempt the caller goes to customer service.
     */
    private void flushExchange() {
        Turn turn = null;
        ConversationPolicy.Assisted assisted = new ConversationPolicy.Assisted(answersFound, searchesWithoutAnswer,
                unknownTargets, settled);
        if (callerText != null || replyText != null || !utterances.isEmpty()
                || !assisted.equals(ConversationPolicy.Assisted.NOTHING)) {
            turn = new Turn(streamId, callerText, replyText == null ? "" : replyText,
                    intent == null ? Intent.QUESTION : intent, knowledgeEntryId, turnLatencyMs, turnBridgeMicros,
                    turnFrames == 0 ? null : turnFrames, assisted, utterances);
        }
        resetExchange();
        if (turn != null) {
            // reset first: the stage may complete at once (and close the bridge) on this thread
            support.record(turn).whenComplete((outcome, error) -> {
                if (outcome != null && outcome.closeStream()) {
                    closeAfterSentence();
                }
            });
        }
    }

    private void resetExchange() {
        callerKnown = false;
        utterances.clear();
        answersFound = 0;
        searchesWithoutAnswer = 0;
        unknownTargets = 0;
        settled = false;
        callerSpoke = false;
        callerText = null;
        replyText = null;
        turnLatencyMs = null;
        turnBridgeMicros = null;
        turnFrames = 0;
        replied = false;
        intent = null;
        knowledgeEntryId = null;
    }

    private void runTool(String callId, String name, String arguments) {
        support.tool(name, arguments).whenComplete((output, error) -> toolDone(callId, name, output, error));
    }

    private synchronized void toolDone(String toolCallId, String name, String output, Throwable error) {
        if (finished) {
            return;
        }
        if (openai == null) {
            return;
        }
        String result = output;
        if (error != null) {
            LOG.log(Level.WARNING, "Tool " + name + " failed on call " + callSid, error);
            result = "{\"ok\":false,\"error\":\"The tool failed; offer to transfer the caller.\"}";
        }
        toolsPending = Math.max(0, toolsPending - 1);
        openai.send(RealtimeEvents.functionOutput(toolCallId, result));
        noteTool(name, result);
        toolReplyPending = true; // the response created next answers with this output
        toolReplyId = null;
        if (CLOSING_TOOLS.contains(name) && isOk(result)) {
            closeRequested = true;
            support.schedule(this::deadline, CLOSE_DEADLINE_MS);
        }
        openai.send(RealtimeEvents.RESPONSE_CREATE);
    }

    /** What the model did tells what the caller wanted, and which knowledge-base answer served. */
    private void noteTool(String name, String result) {
        JsonObject output = parse(result);
        boolean ok = output != null && output.get("ok") == JsonValue.TRUE;
        switch (name) {
            case "transfer_call" -> {
                intent = output == null ? Intent.DEPARTMENT : switch (output.getString("target", "department")) {
                    case "agent" -> Intent.AGENT;
                    case "extension" -> Intent.EXTENSION;
                    default -> Intent.DEPARTMENT;
                };
                if (ok) {
                    settled = true;
                } else {
                    unknownTargets++; // nobody of that name or number: the caller was not helped
                }
            }
            case "take_message" -> {
                intent = Intent.MESSAGE;
                settled |= ok;
            }
            case "end_call" -> {
                intent = Intent.END;
                settled |= ok;
            }
            case "search_knowledge_base" -> {
                if (output != null && output.get("results") instanceof jakarta.json.JsonArray results && !results.isEmpty()) {
                    answersFound++;
                    try {
                        knowledgeEntryId = UUID.fromString(results.getJsonObject(0).getString("id", ""));
                    } catch (IllegalArgumentException | ClassCastException e) {
                        knowledgeEntryId = null;
                    }
                } else {
                    searchesWithoutAnswer++; // nothing found (or the look-up failed): no answer for the caller
                }
            }
            default -> {
            }
        }
    }

    /**
     * The stored exchange decided the end of the stream (the third unsuccessful attempt: customer service;
     * or words the spam rules block): exactly as after a transfer the model asked for, the sentence being
     * played (or generated) finishes, then the stream closes and Twilio fetches what was decided. Nothing
     * the caller says now reaches the model.
     */
    private synchronized void closeAfterSentence() {
        if (finished || closeRequested) {
            return; // already closing (a transfer or goodbye the model decided first stands)
        }
        closeRequested = true;
        handingOver = true;
        updateDirect();
        if (currentResponse == null) {
            finalResponseId = "";
            finalResponseDone = true;
        } else {
            finalResponseId = currentResponse;
        }
        support.schedule(this::deadline, CLOSE_DEADLINE_MS);
        maybeClose();
    }

    /**
     * Asks which language these words fix, utterance by utterance in order (the answers come back in
     * order), until one does; then tells the model. The turn stored later fixes the same language from
     * the same utterances.
     */
    private void askLanguage(String words) {
        if (!languageOpen) {
            return;
        }
        support.language(words).whenComplete((note, error) -> languageAnswered(note == null ? null : note.orElse(null)));
    }

    private synchronized void languageAnswered(String note) {
        if (note == null || !languageOpen) {
            return;
        }
        languageOpen = false;
        if (!finished && openai != null) {
            openai.send(RealtimeEvents.instructionsUpdate(config.instructions() + "\n\n" + note));
        }
    }

    private synchronized void deadline() {
        if (!finished && closeRequested) {
            closeDecided();
        }
    }

    private void maybeClose() {
        if (closeRequested && finalResponseDone && !playback.hasPendingAudio()) {
            closeDecided();
        }
    }

    /** The decision is stored; the closing sentence has been heard: hand the call back to Twilio. */
    private void closeDecided() {
        storeReply();
        flushExchange();
        finished = true;
        updateDirect();
        closeOpenAi();
        twilio.close("conversation decided");
        support.closed();
    }

    private void fail(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        updateDirect();
        LOG.warning("Realtime call " + callSid + " goes to a human: " + reason);
        storeReply();
        flushExchange(); // the transcript so far is kept
        closeOpenAi();
        MediaChannel channel = twilio;
        // the outcome is stored before the stream closes: the next step (any node) reads it
        support.failed(reason).whenComplete((v, e) -> {
            if (channel != null) {
                channel.close("fallback to a human");
            }
            support.closed();
        });
    }

    private void finish() {
        storeReply();
        flushExchange();
        finished = true;
        updateDirect();
        closeOpenAi();
        support.closed();
    }

    private void closeOpenAi() {
        if (openai != null) {
            try {
                openai.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing the OpenAI session of " + callSid, e);
            }
        }
    }

    private static boolean isOk(String json) {
        JsonObject o = parse(json);
        return o != null && o.get("ok") == JsonValue.TRUE;
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (JsonParsingException | ClassCastException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public UUID streamId() {
        return streamId;
    }

    public String callSid() {
        return callSid;
    }

}
