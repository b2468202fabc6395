package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.realtime.fake.FakeMediaStream;
import com.voicecore.realtime.fake.FakeOpenAiRealtime;
import com.voicecore.realtime.fake.FakeRealtimeSession;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.Exchange;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Realtime voice end to end: the simulator plays Twilio's webhooks, {@link FakeMediaStream} Twilio's
 * media stream, {@link FakeOpenAiRealtime} OpenAI; the server in between is the deployed EAR.
 */
@ExtendWith(ArquillianExtension.class)
class RealtimeVoiceIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Property 5's threshold for what VoiceCore may add to the model's own time between the end of the
     * caller's speech and the first audio back, here on a shared 2-core test machine (the bridge's own
     * share, measured by the benchmark, is well under 5 ms at p99).
     */
    static final int MAX_ADDED_LATENCY_MS = 250;
    static final String KEY = "sk-test-" + "a1b2c3d4e5f6a7b8c9d0e1f2";

    static CallingTenant acme;
    static JsonObject salesAgent;
    static JsonObject receptionAgent;
    static FakeOpenAiRealtime openAi;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void tenant() {
        openAi = TestEnvironment.openAi();
        acme = CallingTenant.open("Realtime Dental", 100_000);
        enableRealtime(acme, 20);
        salesAgent = acme.addAgent("Sam Sales", "Sales", "201", "available");
        receptionAgent = acme.addAgent("Rita Reception", "Reception", "101", "available");
    }

    @BeforeEach
    void reset() {
        openAi.refuseConnections(false);
        openAi.onOpen(s -> { });
        openAi.drain();
    }

    static void enableRealtime(CallingTenant tenant, int max) {
        Api.Reply r = Api.put("/api/v1/settings/realtime", tenant.key(),
                "{\"enabled\": true, \"openaiApiKey\": \"" + KEY + "\", \"voice\": \"marin\", \"maxConcurrentCalls\": " + max + "}");
        assertEquals(200, r.status(), r.body());
    }

    // ------------------------------------------------------------------ settings

    @Test
    void settingsAreValidatedTheKeyIsWriteOnlyAndSealed() {
        JsonObject shown = Api.get("/api/v1/settings/realtime", acme.key()).object();
        assertTrue(shown.getBoolean("enabled"));
        assertEquals("realtime", shown.getString("transport"));
        assertTrue(shown.getBoolean("openaiApiKeyStored"));
        assertFalse(shown.toString().contains(KEY), "the key is never shown back");
        assertTrue(shown.getString("mediaStreamUrl").endsWith("/media-stream"), shown.toString());
        byte[] sealed = (byte[]) Sql.rows("select openai_api_key from realtime_settings where tenant_id = ?", acme.tenant().id())
                .get(0).get("openai_api_key");
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("a1b2c3d4"), "stored encrypted");

        CallingTenant fresh = CallingTenant.open("Realtime Settings Check", 100);
        String before = Api.get("/api/v1/settings/realtime", fresh.key()).body();
        for (String[] bad : List.of(
                new String[] {"{\"enabled\": true}", "openaiApiKey"},
                new String[] {"{\"enabled\": false, \"openaiApiKey\": \"not-a-key\"}", "openaiApiKey"},
                new String[] {"{\"enabled\": false, \"voice\": \"robot\"}", "voice"},
                new String[] {"{\"enabled\": false, \"model\": \"GPT REALTIME!\"}", "model"},
                new String[] {"{\"enabled\": false, \"maxConcurrentCalls\": 0}", "maxConcurrentCalls"},
                new String[] {"{\"openaiApiKey\": \"" + KEY + "\"}", "enabled"})) {
            Api.Reply r = Api.put("/api/v1/settings/realtime", fresh.key(), bad[0]);
            assertEquals(400, r.status(), bad[0] + " -> " + r.body());
            assertTrue(r.isProblem() && r.problemFields().contains(bad[1]), bad[0] + " -> " + r.body());
        }
        assertEquals(before, Api.get("/api/v1/settings/realtime", fresh.key()).body(), "nothing changed");
        assertEquals(401, Api.get("/api/v1/settings/realtime", "vck_wrong").status());
    }

    // ------------------------------------------------------------------ the bridge

    @Test
    void aCallIsBridgedBothWaysInOrderAfterTheSessionIsConfiguredAndEveryTurnIsStored() throws Exception {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
        FakeRealtimeSession ai = live.ai;
        assertEquals("Bearer " + KEY, ai.authorization());
        assertTrue(ai.query().contains("model=gpt-realtime"), ai.query());
        assertNull(ai.betaHeader(), "GA: no beta header");
        JsonObject update = ai.awaitEvent("session.update", WAIT).getJsonObject("session");
        assertEquals("realtime", update.getString("type"));
        assertEquals("audio/pcmu", update.getJsonObject("audio").getJsonObject("input").getJsonObject("format").getString("type"));
        assertEquals("audio/pcmu", update.getJsonObject("audio").getJsonObject("output").getJsonObject("format").getString("type"));
        assertEquals("server_vad", update.getJsonObject("audio").getJsonObject("input").getJsonObject("turn_detection").getString("type"));
        assertNotNull(update.getJsonObject("audio").getJsonObject("input").getJsonObject("transcription"));
        assertEquals("marin", update.getJsonObject("audio").getJsonObject("output").getString("voice"));
        assertTrue(update.getString("instructions").contains("Realtime Dental"), update.getString("instructions"));
        assertEquals(List.of("transfer_call", "search_knowledge_base", "take_message", "end_call"),
                update.getJsonArray("tools").stream().map(t -> t.asJsonObject().getString("name")).toList());
        ai.awaitEvent("response.create", WAIT); // the receptionist greets first

        // caller audio: 50 distinct frames arrive at OpenAI as they were, in order, and none before session.updated
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] f = new byte[FakeMediaStream.FRAME_BYTES];
            Arrays.fill(f, (byte) i);
            f[0] = (byte) (i >> 8);
            frames.add(f);
            live.stream.frame(f);
        }
        ai.awaitAppendedBytes(50L * FakeMediaStream.FRAME_BYTES, WAIT);
        assertEquals(0, ai.appendsBeforeSessionUpdated());
        List<byte[]> got = ai.appendedAudio();
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(frames.get(i), got.get(i), "frame " + i + " in order and unchanged");
        }

        // a turn: the caller's words, the assistant's audio relayed unchanged, marks echoed after playback
        ai.speechStarted(0, "item_c1");
        ai.speechStopped(1000, "item_c1");
        ai.callerTranscript("item_c1", "Do you have appointments on Saturday?");
        byte[] reply = new byte[2400];
        for (int i = 0; i < reply.length; i++) {
            reply[i] = (byte) (i * 7);
        }
        ai.responseCreated("resp_1");
        ai.audioDelta("resp_1", "item_a1", Arrays.copyOfRange(reply, 0, 800));
        ai.audioDelta("resp_1", "item_a1", Arrays.copyOfRange(reply, 800, 2400));
        ai.assistantTranscript("resp_1", "item_a1", "Yes, from nine to one.");
        ai.responseDone("resp_1", "completed");
        live.stream.awaitReceivedBytes(2400, WAIT);
        byte[] relayed = concat(live.stream.receivedAudio());
        assertArrayEquals(reply, relayed, "μ-law passes through untouched, in order");
        awaitTrue(() -> live.stream.marksEchoed().size() == 2, "both marks echoed after playback");
        assertEquals(List.of(), live.stream.unexpected());

        live.stream.hangUp();
        assertTrue(ai.awaitClosed(WAIT), "the OpenAI session closes with the call");
        SimulatedCall call = live.finish();
        awaitTrue(() -> Sql.count("select count(*) from realtime_streams where call_sid = ? and ended_at is not null", call.sid()) == 1,
                "the stream is recorded as ended");
        List<Map<String, Object>> turns = turns(call.sid());
        assertEquals(1, turns.size(), turns.toString());
        assertEquals("Do you have appointments on Saturday?", turns.get(0).get("caller_text"));
        assertEquals("Yes, from nine to one.", turns.get(0).get("reply_text"));
        assertNotNull(turns.get(0).get("speech_to_audio_ms"));
        assertNotNull(turns.get(0).get("bridge_ms"));
        assertEquals(1L, Sql.count("select count(*) from conversations c join calls k on k.id = c.call_id"
                + " where k.twilio_call_sid = ? and c.transport = 'realtime'", call.sid()));
    }

    @Test
    void bargeInClearsTwilioAndTruncatesAtTheAudioTheCallerHeard() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);
        // 3 s of greeting arrive at once; the caller hears it in real time
        ai.responseCreated("resp_g");
        ai.audio("resp_g", "item_g", 3000, 100);
        live.stream.awaitReceivedBytes(3000 * 8, WAIT);
        sleep(700);
        int heardBefore = live.stream.marksEchoed().size() * 100;
        ai.speechStarted(700, "item_c1");
        JsonObject truncate = ai.awaitEvent("conversation.item.truncate", WAIT);
        int heardAfter = live.stream.marksEchoed().size() * 100;
        assertEquals("item_g", truncate.getString("item_id"));
        assertEquals(0, truncate.getInt("content_index"));
        int end = truncate.getInt("audio_end_ms");
        assertTrue(end >= heardBefore && end <= 3000, "cut at the audio heard (" + heardBefore + " ms by marks), got " + end);
        assertTrue(end <= 1500, "not at what was forwarded (3000 ms): " + end);
        awaitTrue(() -> live.stream.clears() == 1, "Twilio told to clear");
        assertTrue(heardAfter <= 3000);

        // the next reply starts from nothing: played fully, then the caller speaks -> nothing to cut
        ai.responseCreated("resp_2");
        ai.audio("resp_2", "item_2", 200, 100);
        live.stream.awaitReceivedBytes(3200 * 8, WAIT);
        awaitTrue(() -> live.stream.pendingMarks() == 0, "second reply played");
        sleep(100);
        ai.speechStarted(2000, "item_c2");
        sleep(300);
        assertEquals(1, ai.events("conversation.item.truncate").size(), "no truncation when nothing is pending");
        assertEquals(1, live.stream.clears());

        // a third reply interrupted early: its own offset, not the first reply's
        ai.responseCreated("resp_3");
        ai.audio("resp_3", "item_3", 2000, 100);
        live.stream.awaitReceivedBytes(5200 * 8, WAIT);
        sleep(250);
        ai.speechStarted(3000, "item_c3");
        List<JsonObject> cuts = ai.awaitEvents("conversation.item.truncate", 2, WAIT);
        assertEquals("item_3", cuts.get(1).getString("item_id"));
        assertTrue(cuts.get(1).getInt("audio_end_ms") <= 1000, cuts.get(1).toString());
        live.stream.hangUp();
        live.finish();
        assertFalse(turns(live.callSid()).isEmpty(), "the interrupted replies are part of the transcript");
    }

    // ------------------------------------------------------------------ tools

    @Test
    void transferToADepartmentLetsTheSentenceFinishThenDialsItsAgent() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(30)));
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);
        ai.functionCall("resp_f", "call_t1", "transfer_call", "{\"department\":\"sales\"}");
        JsonObject output = ai.awaitEvent(e -> "conversation.item.create".equals(e.getString("type", "")), "the tool's output", WAIT);
        assertEquals("call_t1", output.getJsonObject("item").getString("call_id"));
        assertTrue(output.getJsonObject("item").getString("output").contains("\"ok\":true"), output.toString());
        ai.awaitEvents("response.create", 2, WAIT);
        // the closing sentence: 800 ms. The stream stays open until Twilio played it all
        ai.responseCreated("resp_close");
        ai.audio("resp_close", "item_close", 800, 100);
        ai.assistantTranscript("resp_close", "item_close", "Connecting you to Sales now.");
        long sentAt = System.nanoTime();
        ai.responseDone("resp_close", "completed");
        CloseReason closed = live.stream.awaitClose(WAIT);
        long closedAfterMs = (System.nanoTime() - sentAt) / 1_000_000;
        assertNotNull(closed, "the stream is closed after the sentence");
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), closed.getCloseCode().getCode());
        assertEquals(8 * 800, live.stream.receivedBytes());
        assertEquals(0, live.stream.pendingMarks(), "every mark echoed before the close");
        assertTrue(closedAfterMs >= 600, "waited for playback, closed after " + closedAfterMs + " ms");
        SimulatedCall call = live.finish();
        Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
        assertEquals("agent-" + salesAgent.getString("id"), dialed.targets().get(0).address(), call.toString());
        assertNull(dialed.callerId(), "the agent sees the caller's number");
        JsonObject record = acme.call(call.sid());
        assertEquals(acme.departmentId("Sales"), record.getString("departmentId"));
    }

    @Test
    void transferByExtensionSearchTakeMessageAndEndCall() {
        Sql.rows("insert into knowledge_base (tenant_id, question, answer) values (?, ?, ?) returning id", acme.tenant().id(),
                "When are you open on Saturday?", "On Saturdays we are open from nine to one.");
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(20)));
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);

        ai.functionCall("r1", "call_s", "search_knowledge_base", "{\"query\":\"open saturday?\"}");
        String found = toolOutput(ai, "call_s");
        assertTrue(found.contains("nine to one"), found);
        ai.functionCall("r2", "call_s2", "search_knowledge_base", "{\"query\":\"parking lot\"}");
        assertTrue(toolOutput(ai, "call_s2").contains("\"results\":[]"));

        ai.functionCall("r3", "call_m", "take_message", "{\"message\":\"Please call me about my crown\",\"caller_name\":\"Ann\","
                + "\"department\":\"Support\"}");
        assertTrue(toolOutput(ai, "call_m").contains("\"ok\":true"));
        ai.functionCall("r4", "call_bad", "transfer_call", "{\"department\":\"Astrology\"}");
        String refused = toolOutput(ai, "call_bad");
        assertTrue(refused.contains("\"ok\":false") && refused.contains("Sales"), refused);
        assertTrue(live.stream.isOpen(), "a failed transfer keeps the conversation going");

        ai.functionCall("r5", "call_x", "transfer_call", "{\"extension\":\"201\"}");
        assertTrue(toolOutput(ai, "call_x").contains("Sam Sales"));
        ai.awaitEvents("response.create", 6, WAIT);
        ai.reply("r6", "item_bye", "Putting you through.", 200);
        assertNotNull(live.stream.awaitClose(WAIT));
        SimulatedCall call = live.finish();
        assertEquals("agent-" + salesAgent.getString("id"), call.steps(Step.Dialed.class).get(0).targets().get(0).address());

        List<JsonObject> support = Api.get("/api/v1/departments/" + acme.departmentId("Support") + "/voicemails", acme.key())
                .array().getValuesAs(JsonObject.class);
        assertTrue(support.stream().anyMatch(v -> v.toString().contains("Please call me about my crown (from Ann)")), support.toString());

        // end_call: the goodbye is played, then Twilio hangs up
        Live ending = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
        ending.ai.awaitEvent("response.create", WAIT);
        ending.ai.functionCall("e1", "call_e", "end_call", "{\"reason\":\"caller is done\"}");
        toolOutput(ending.ai, "call_e");
        ending.ai.reply("e2", "item_e", "Goodbye!", 300);
        assertNotNull(ending.stream.awaitClose(WAIT));
        SimulatedCall ended = ending.finish();
        assertFalse(ended.steps(Step.HungUp.class).isEmpty(), ended.toString());
        assertTrue(ended.steps(Step.Dialed.class).isEmpty(), ended.toString());
        assertTrue(acme.call(ended.sid()).toString().contains("caller is done"));
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void streamsWithoutAValidUnusedTokenOfTheirOwnLiveCallAreRefusedAndChangeNothing() throws Exception {
        CallingTenant other = CallingTenant.open("Realtime Other", 1000);
        enableRealtime(other, 5);
        URI url = URI.create(Api.url("/media-stream").replace("http://", "ws://"));

        // a token captured from a real offer, never used: the stream's handler keeps it and does not connect
        CompletableFuture<Map<String, String>> captured = new CompletableFuture<>();
        SimulatedCall abandoned = acme.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenStreamed((sid, u, params) -> captured.complete(Map.of("sid", sid, "token", params.get("token")))));
        Map<String, String> tokenOfEndedStream = captured.get(5, TimeUnit.SECONDS);
        long sessionsBefore = openAi.sessions().size();
        String before = streamsFingerprint();

        assertRefused(url, abandoned.sid(), Map.of(), "no stream token");
        assertRefused(url, abandoned.sid(), Map.of("token", "garbage"), "invalid or expired stream token");
        String token = tokenOfEndedStream.get("token");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertRefused(url, abandoned.sid(), Map.of("token", forged), "invalid or expired stream token");
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                        .replace(acme.tenant().id().toString(), other.tenant().id().toString()).getBytes())
                + token.substring(token.indexOf('.'));
        assertRefused(url, abandoned.sid(), Map.of("token", tampered), "invalid or expired stream token");
        // a valid token presented for another call
        assertRefused(url, "CA" + UUID.randomUUID().toString().replace("-", ""), Map.of("token", token),
                "the stream token belongs to another call");
        // the call is over (the step after the stream ran, the call completed)
        assertRefused(url, abandoned.sid(), Map.of("token", token), "the call has ended");

        // reuse: the first stream is admitted, a second one with the same token is refused
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
        long sessionsWithLive = openAi.sessions().size();
        String beforeReuse = streamsFingerprint();
        assertRefused(url, live.callSid(), live.parameters, "token already used or expired");
        // the other tenant's token for its own call is not good for acme's call
        Live foreign = Live.place(other, CallScript.from(CallingTenant.uniqueNumber()).to(other.number()).staySilent());
        assertRefused(url, live.callSid(), foreign.parameters, "the stream token belongs to another call");
        assertTrue(live.stream.isOpen(), "the admitted stream is untouched");
        assertEquals(sessionsWithLive + 1, openAi.sessions().size(), "refused streams opened no OpenAI session");
        live.stream.hangUp();
        foreign.stream.hangUp();
        live.finish();
        foreign.finish();
        assertTrue(beforeReuse.length() > 0 && before.length() > 0);
        assertTrue(sessionsBefore <= sessionsWithLive);
    }

    // ------------------------------------------------------------------ limits and fallbacks

    @Test
    void beyondTheTenantsLimitCallsUseTheTurnBasedReceptionist() {
        CallingTenant small = CallingTenant.open("Realtime Small", 1000);
        enableRealtime(small, 1);
        Live first = Live.place(small, CallScript.from(CallingTenant.uniqueNumber()).to(small.number()).staySilent());
        SimulatedCall second = small.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(small.number())
                .staySilent().staySilent().staySilent());
        assertTrue(second.steps(Step.Connected.class).isEmpty(), second.toString());
        assertTrue(small.call(second.sid()).toString().contains("1 of 1 realtime calls busy, turn-based"));
        assertFalse(second.steps(Step.NoInput.class).isEmpty() && second.said().isEmpty(), "the turn-based receptionist answered: " + second);
        first.stream.hangUp();
        first.finish();
        awaitTrue(() -> Sql.count("select count(*) from realtime_streams where call_sid = ? and ended_at is not null",
                first.callSid()) == 1, "the first stream ended");
        Live third = Live.place(small, CallScript.from(CallingTenant.uniqueNumber()).to(small.number()).staySilent());
        third.stream.hangUp();
        third.finish();
    }

    @Test
    void openAiUnreachableAtTheWebhookSendsTheCallerToAHumanWithAShortMessage() {
        openAi.refuseConnections(true);
        SimulatedCall call = acme.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenStreamed((sid, url, params) -> {
                    try (FakeMediaStream stream = FakeMediaStream.open(URI.create(url), sid, acme.accountSid(), params)) {
                        assertNotNull(stream.awaitClose(WAIT), "the stream is closed when OpenAI cannot be reached");
                    }
                })
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        assertHuman(call, "OpenAI unreachable");
    }

    @Test
    void anOpenAiErrorMidCallKeepsTheTranscriptAndSendsTheCallerToAHuman() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        live.ai.awaitEvent("response.create", WAIT);
        live.ai.speechStopped(500, "item_c");
        live.ai.callerTranscript("item_c", "I need to move my appointment");
        live.ai.error("invalid_request_error", "invalid_value"); // survivable: the call goes on
        sleep(200);
        assertTrue(live.stream.isOpen(), "most errors leave the session open");
        live.ai.error("server_error", "server_error");
        assertNotNull(live.stream.awaitClose(WAIT));
        SimulatedCall call = live.finish();
        assertHuman(call, "OpenAI error");
        assertTrue(turns(call.sid()).stream().anyMatch(t -> "I need to move my appointment".equals(t.get("caller_text"))),
                "the caller's words are kept: " + turns(call.sid()));
    }

    @Test
    void anAbruptCloseMidCallKeepsTheTranscriptAndSendsTheCallerToAHuman() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        live.ai.awaitEvent("response.create", WAIT);
        live.ai.callerTranscript("item_c", "Hello, is Doctor Lee in today?");
        live.ai.reply("r1", "item_a", "Let me check.", 100);
        live.stream.awaitReceivedBytes(800, WAIT);
        live.ai.abruptClose();
        assertNotNull(live.stream.awaitClose(WAIT));
        SimulatedCall call = live.finish();
        assertHuman(call, "OpenAI closed the session");
        List<Map<String, Object>> turns = turns(call.sid());
        assertEquals(1, turns.size(), turns.toString());
        assertEquals("Hello, is Doctor Lee in today?", turns.get(0).get("caller_text"));
        assertEquals("Let me check.", turns.get(0).get("reply_text"));
    }

    @Test
    void aStreamThatNeverArrivesClosesThePreOpenedSessionAndTheCallerReachesAHuman() {
        SimulatedCall call = acme.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenStreamed((sid, url, params) -> { })  // Twilio could not open the stream
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        FakeRealtimeSession preOpened = openAi.awaitSession(WAIT);
        assertTrue(preOpened.awaitClosed(WAIT), "the pre-opened session is closed");
        assertHuman(call, "the media stream never arrived");
    }

    // ------------------------------------------------------------------ Property 6 and 4 through this transport

    /** One caller turn the model cannot help with: words, a search that finds nothing, a short apology. */
    private static void failedSearch(Live live, int i, String words) {
        FakeRealtimeSession ai = live.ai;
        ai.speechStarted(1000 * i, "item_c" + i);
        ai.speechStopped(1000 * i + 800, "item_c" + i);
        ai.callerTranscript("item_c" + i, words);
        ai.functionCall("resp_f" + i, "call_q" + i, "search_knowledge_base", "{\"query\":\"" + words + "\"}");
        String output = toolOutput(ai, "call_q" + i);
        assertTrue(output.contains("\"results\":[]"), output);
        ai.awaitEvents("response.create", 2 + i, WAIT); // the greeting's, then one after each tool output
        long before = live.stream.receivedBytes();
        ai.reply("resp_r" + i, "item_r" + i, "I am sorry, I could not find that.", 300);
        live.stream.awaitReceivedBytes(before + 8 * 300, WAIT);
    }

    @Test
    @DisplayName("Property 6: AI Transfer Logic (realtime)")
    void property6ThreeFailedSearchesHandTheCallerToCustomerServiceAfterTheLastSentence() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        live.ai.awaitEvent("response.create", WAIT);
        for (int i = 0; i < 2; i++) {
            failedSearch(live, i, "Do you repair bicycles number " + i + "?");
            awaitTrue(() -> live.stream.pendingMarks() == 0, "the reply was played");
            int stored = i + 1;
            awaitTrue(() -> turns(live.callSid()).size() == stored, "turn " + stored + " stored");
            sleep(300); // time for a wrong close to show
            assertTrue(live.stream.isOpen(), "no transfer after " + stored + " unsuccessful attempt(s)");
            assertTrue(live.ai.isOpen());
        }
        failedSearch(live, 2, "Do you repair bicycles at all?");
        CloseReason closed = live.stream.awaitClose(WAIT);
        assertNotNull(closed, "customer service after the third unsuccessful attempt");
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), closed.getCloseCode().getCode());
        assertEquals(0, live.stream.pendingMarks(), "the last sentence was heard before the close");
        assertTrue(live.ai.awaitClosed(WAIT));
        SimulatedCall call = live.finish();
        // after the stream, Twilio hears customer service announced and the reception's agent is dialled
        assertTrue(call.said().contains("Let me connect you with our customer service."), call.toString());
        Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
        assertEquals("agent-" + receptionAgent.getString("id"), dialed.targets().get(0).address(), call.toString());
        assertNull(dialed.callerId(), "the agent sees the caller's number");
        String route = acme.call(call.sid()).toString();
        assertTrue(route.contains("realtime: no answer (unsuccessful attempt 1 of 3)"), route);
        assertTrue(route.contains("realtime: no answer (unsuccessful attempt 3 of 3): customer service"), route);
        Map<String, Object> conversation = Sql.rows("select v.failed_attempts, v.outcome, v.outcome_detail from conversations v"
                + " join calls c on c.id = v.call_id where c.twilio_call_sid = ?", call.sid()).get(0);
        assertEquals(3, ((Number) conversation.get("failed_attempts")).intValue(), conversation.toString());
        assertEquals("transferred", conversation.get("outcome"));
        assertEquals("customer service", conversation.get("outcome_detail"));
        List<Map<String, Object>> turns = turns(call.sid());
        assertEquals(3, turns.size(), turns.toString());
        assertTrue(turns.stream().allMatch(t -> "question".equals(t.get("intent"))), turns.toString());
        assertEquals(1, Sql.count("select count(*) from realtime_streams where call_sid = ? and outcome = 'transfer'"
                + " and outcome_target = 'customer-service' and ended_at is not null", call.sid()));
    }

    @Test
    void theTenantsKeywordSpamRulesJudgeWhatARealtimeCallerSays() {
        CallingTenant guarded = CallingTenant.open("Realtime Guarded", 100_000);
        Api.Reply rule = Api.post("/api/v1/spam-rules", guarded.key(),
                "{\"type\": \"keyword\", \"value\": \"free cruise\", \"action\": \"block\", \"weight\": 80}");
        assertEquals(201, rule.status(), rule.body());
        enableRealtime(guarded, 5);
        Live live = Live.place(guarded, CallScript.from(CallingTenant.uniqueNumber()).to(guarded.number()).staySilent());
        saysThenTheStreamCloses(live, "Congratulations, you have won a free cruise", "the spam words end the stream");
        assertTrue(live.ai.awaitClosed(WAIT));
        SimulatedCall call = live.finish();
        assertTrue(call.steps(Step.Dialed.class).isEmpty(), "nobody is put through: " + call);
        JsonObject record = guarded.call(call.sid());
        assertEquals("block", record.getJsonObject("spam").getString("action"), record.toString());
        assertTrue(record.toString().contains("caller said: "), record.toString());
        assertEquals(1, Sql.count("select count(*) from conversations v join calls c on c.id = v.call_id"
                + " where c.twilio_call_sid = ? and v.outcome = 'spam' and v.failed_attempts = 0", call.sid()));
        assertEquals(1, Sql.count("select count(*) from realtime_streams where call_sid = ? and outcome = 'end'", call.sid()));
    }

    /**
     * The caller says {@code words} once the session is up and the model answers one short sentence:
     * the stream must close, and only after that sentence was played.
     */
    private static void saysThenTheStreamCloses(Live live, String words, String why) {
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);
        ai.speechStarted(1000, "item_c1");
        ai.speechStopped(1800, "item_c1");
        ai.callerTranscript("item_c1", words);
        long before = live.stream.receivedBytes();
        ai.reply("resp_c1", "item_r1", "I see.", 300);
        live.stream.awaitReceivedBytes(before + 8 * 300, WAIT);
        CloseReason closed = live.stream.awaitClose(WAIT);
        assertNotNull(closed, why);
        assertEquals(0, live.stream.pendingMarks(), "the sentence being played finished first");
    }

    @Test
    void aTransferRulesPhraseHandsARealtimeCallerToTheRulesDepartmentAfterTheSentence() {
        CallingTenant ruled = CallingTenant.open("Realtime Ruled", 100_000);
        Api.Reply department = Api.post("/api/v1/departments", ruled.key(), "{\"name\": \"Accounts\"}");
        assertEquals(201, department.status(), department.body());
        String accounts = department.object().getString("id");
        JsonObject accountant = ruled.addAgent("Alex Ledger", "Accounts", "301", "available");
        Api.Reply rule = Api.post("/api/v1/transfer-rules", ruled.key(), "{\"name\": \"Billing\", \"phrases\": [\"invoice\", \"billing\"],"
                + " \"target\": \"department\", \"targetId\": " + Api.str(accounts) + "}");
        assertEquals(201, rule.status(), rule.body());
        enableRealtime(ruled, 5);
        Live live = Live.place(ruled, CallScript.from(CallingTenant.uniqueNumber()).to(ruled.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(5)));
        saysThenTheStreamCloses(live, "I have a question about my invoice", "the rule ends the stream");
        SimulatedCall call = live.finish();
        assertEquals("agent-" + accountant.getString("id"), call.steps(Step.Dialed.class).get(0).targets().get(0).address(), call.toString());
        assertTrue(ruled.call(call.sid()).toString().contains("transfer rule \\\"Billing\\\" matched: Accounts"),
                ruled.call(call.sid()).toString());
        assertEquals(1, Sql.count("select count(*) from realtime_streams where call_sid = ? and outcome = 'transfer'"
                + " and outcome_target = ?", call.sid(), "department:" + accounts));
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency (realtime)")
    void property4TheCallersFirstWordsFixTheLanguageOfTheSessionAndOfTheHandOverAfterIt() {
        CallingTenant hispano = CallingTenant.open("Realtime Hispano", 100_000);
        Api.Reply settings = Api.put("/api/v1/settings/receptionist", hispano.key(),
                "{\"greeting\": \"Thank you for calling.\", \"languages\": [\"en\", \"es\"], \"defaultLanguage\": \"en\","
                        + " \"voice\": \"Polly.Joanna\"}");
        assertEquals(200, settings.status(), settings.body());
        enableRealtime(hispano, 5); // nobody at the reception: its voicemail takes the hand-over

        Live live = Live.place(hispano, CallScript.from(CallingTenant.uniqueNumber()).to(hispano.number()).staySilent()
                .leaveVoicemail(Duration.ofSeconds(4), "Llámenme, por favor"));
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);
        String configured = ai.events("session.update").get(0).getJsonObject("session").getString("instructions");
        assertFalse(configured.contains("reply only in"), "the language is open until the caller speaks");
        // the first transcribed words fix the conversation's language; the session is told to keep to it
        failedSearch(live, 0, "Hola, quisiera saber si reparan bicicletas de montaña");
        JsonObject update = ai.awaitEvent(e -> "session.update".equals(e.getString("type", ""))
                && e.getJsonObject("session").containsKey("instructions")
                && e.getJsonObject("session").getString("instructions").contains("reply only in Spanish"), "the language update", WAIT);
        assertEquals(configured + "\n\nThe caller speaks Spanish. From now on reply only in Spanish, whatever language later words are in.",
                update.getJsonObject("session").getString("instructions"));
        assertEquals(Set.of("type", "instructions"), update.getJsonObject("session").keySet(), "nothing else changes");
        // later words in another language change nothing; two more failures send the caller to customer service
        failedSearch(live, 1, "Do you repair road bikes, then?");
        failedSearch(live, 2, "¿Y patinetes eléctricos?");
        assertNotNull(live.stream.awaitClose(WAIT));
        assertEquals(2, ai.events("session.update").size(), "the language was set once: " + ai.events("session.update"));
        SimulatedCall call = live.finish();
        assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());
        // everything after the stream is Spanish with a Spanish voice: customer service, the voicemail prompts, the thanks
        List<Step.Said> said = call.steps(Step.Said.class);
        int handOver = said.stream().map(Step.Said::text).toList().indexOf("Le paso con nuestro servicio de atención al cliente.");
        assertTrue(handOver >= 0, call.toString());
        List<Step.Said> after = said.subList(handOver, said.size());
        assertTrue(after.size() >= 2, call.toString());
        for (Step.Said s : after) {
            assertEquals("es-ES", s.language(), s.toString());
            assertEquals("Polly.Lucia", s.voice(), s.toString());
            assertTrue(com.voicecore.domain.model.conversation.Phrasebook.isPhraseIn(s.text(), "es"), "Spanish wording: " + s);
        }
        String thanks = call.requests(Exchange.Kind.TWIML).stream().filter(e -> e.url().getPath().endsWith("/voicemail"))
                .map(Exchange::body).findFirst().orElseThrow(() -> new AssertionError(call.toString()));
        assertTrue(thanks.contains("language=\"es-ES\"") && thanks.contains("Gracias por su mensaje. Adiós."), thanks);
        List<Map<String, Object>> turns = turns(call.sid());
        assertEquals(3, turns.size(), turns.toString());
        assertTrue(turns.stream().allMatch(t -> "es".equals(t.get("language"))), "every turn in the fixed language: " + turns);
        assertEquals("es", Sql.rows("select v.language from conversations v join calls c on c.id = v.call_id"
                + " where c.twilio_call_sid = ?", call.sid()).get(0).get("language"));
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency (realtime)")
    void aCallerInALanguageNotServedIsAnsweredInTheDefaultLanguageFromThenOn() {
        Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        FakeRealtimeSession ai = live.ai;
        ai.awaitEvent("response.create", WAIT);
        ai.speechStopped(800, "item_d");
        ai.callerTranscript("item_d", "Guten Tag, ich hätte gern einen Termin für nächste Woche");
        JsonObject update = ai.awaitEvent(e -> "session.update".equals(e.getString("type", ""))
                && e.getJsonObject("session").getString("instructions", "").contains("not served"), "the language update", WAIT);
        assertTrue(update.getJsonObject("session").getString("instructions")
                .endsWith("The caller seems to speak German, which is not served: say politely, in English, that you can only"
                        + " help in English; then continue only in English."), update.toString());
        ai.error("server_error", "server_error");
        assertNotNull(live.stream.awaitClose(WAIT));
        SimulatedCall call = live.finish();
        List<Step.Said> said = call.steps(Step.Said.class);
        Step.Said apology = said.get(said.size() - 1);
        assertEquals("We are sorry, something went wrong. Please hold while we connect you.", apology.text(), call.toString());
        assertEquals("en-US", apology.language(), apology.toString());
        String route = acme.call(call.sid()).toString();
        assertTrue(route.contains("language not served (unsuccessful attempt 1 of 3)"), route);
    }

    // ------------------------------------------------------------------ Property 21 through this transport

    @Test
    @DisplayName("Property 21: Automatic Transcription (realtime transport)")
    void property21AutomaticTranscriptionThroughTheRealtimeTransport() {
        // 10 generated realtime calls of 1-4 exchanges: when each completes, its transcript holds every exchange
        qt().withExamples(10).withShrinkCycles(0).forAll(integers().between(1, 4)).checkAssert(exchanges -> {
            Live live = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
            live.ai.awaitEvent("response.create", WAIT);
            for (int i = 1; i <= exchanges; i++) {
                live.ai.speechStarted(0, "c" + i);
                live.ai.speechStopped(500, "c" + i);
                live.ai.callerTranscript("c" + i, "caller line " + i);
                live.ai.reply("r" + i, "a" + i, "assistant line " + i, 60);
                live.stream.awaitReceivedBytes(i * 60L * 8, WAIT);
            }
            int expected = exchanges;
            awaitTrue(() -> turns(live.callSid()).size() == expected, "every exchange stored as it happened");
            live.stream.hangUp();
            SimulatedCall call = live.finish();
            awaitTrue(() -> Sql.rows("select transcript from calls where twilio_call_sid = ?", call.sid()).get(0).get("transcript") != null,
                    "the transcript is written when the call completes");
            String transcript = (String) Sql.rows("select transcript from calls where twilio_call_sid = ?", call.sid()).get(0).get("transcript");
            for (int i = 1; i <= exchanges; i++) {
                assertTrue(transcript.contains("caller line " + i) && transcript.contains("assistant line " + i), transcript);
            }
        });
    }

    // ------------------------------------------------------------------ Property 5

    @Test
    @DisplayName("Property 5: AI Response Latency")
    void property5AiResponseLatency() {
        // 100 generated caller turns over realtime calls (10 turns a call): for each, the time from the end of
        // the caller's speech to the first audio frame sent to Twilio is stored with the turn; it covers the
        // model's own time (the fake's delay) and what the bridge adds, and the bridge's own share stays small.
        int[] turnInCall = {0};
        Live[] live = {null};
        List<int[]> measured = new ArrayList<>();
        qt().withExamples(105).withShrinkCycles(0)
                .forAll(integers().between(1, 40), integers().between(0, 120), integers().between(40, 400))
                .checkAssert((speechFrames, modelDelayMs, replyMs) -> {
                    if (live[0] == null || turnInCall[0] == 10) {
                        if (live[0] != null) {
                            live[0].stream.hangUp();
                            live[0].finish();
                        }
                        live[0] = Live.place(acme, CallScript.from(CallingTenant.uniqueNumber()).to(acme.number()).staySilent());
                        live[0].ai.awaitEvent("response.create", WAIT);
                        turnInCall[0] = 0;
                    }
                    Live l = live[0];
                    int n = ++turnInCall[0];
                    long audioBefore = l.stream.receivedBytes();
                    l.stream.speak(speechFrames, (byte) 0x7f, false);
                    l.ai.speechStarted(0, "c" + n);
                    java.util.concurrent.atomic.AtomicLong firstAudio = new java.util.concurrent.atomic.AtomicLong(-1);
                    l.stream.onMedia(t -> firstAudio.compareAndSet(-1, t));
                    long stoppedAt = System.nanoTime();
                    l.ai.speechStopped(speechFrames * 20, "c" + n);
                    l.ai.callerTranscript("c" + n, "question " + n);
                    sleep(modelDelayMs);
                    l.ai.reply("r" + n, "a" + n, "answer " + n, replyMs);
                    l.stream.awaitReceivedBytes(audioBefore + replyMs * 8L, WAIT);
                    l.stream.onMedia(t -> { });
                    awaitTrue(() -> Sql.count("select count(*) from conversation_turns t join calls c on c.id = t.call_id"
                            + " where c.twilio_call_sid = ? and t.reply_text = ?", l.callSid(), "answer " + n) == 1, "the turn is stored");
                    Map<String, Object> turn = Sql.rows("select t.caller_text, t.speech_to_audio_ms, t.bridge_ms from conversation_turns t"
                            + " join calls c on c.id = t.call_id where c.twilio_call_sid = ? and t.reply_text = ?", l.callSid(),
                            "answer " + n).get(0);
                    assertEquals("question " + n, turn.get("caller_text"), "the caller's words and the reply are one turn");
                    int latency = ((Number) turn.get("speech_to_audio_ms")).intValue();
                    int bridgeMs = ((Number) turn.get("bridge_ms")).intValue();
                    measured.add(new int[] {modelDelayMs, latency, bridgeMs});
                    // as the caller's side sees it: end of speech -> first audio at Twilio
                    long endToEndMs = (firstAudio.get() - stoppedAt) / 1_000_000;
                    assertTrue(endToEndMs >= modelDelayMs, endToEndMs + " ms end to end");
                    assertTrue(endToEndMs - modelDelayMs <= MAX_ADDED_LATENCY_MS,
                            "VoiceCore added " + (endToEndMs - modelDelayMs) + " ms to the model's " + modelDelayMs + " ms");
                    // what the bridge stored is that same span seen from inside: not more, but for a send's
                    // own completion (a pause between the frame leaving and the send returning)
                    assertTrue(latency <= endToEndMs + 25, "stored " + latency + " ms, end to end " + endToEndMs + " ms");
                    // the bridge starts the clock when it takes speech_stopped off the socket: on a loaded machine
                    // that can be later than its arrival, so the stored span may be shorter than the model's time,
                    // but it is measured (not zero) whenever the model took a noticeable time
                    assertTrue(latency > 0 || modelDelayMs < 20, "stored " + latency + " ms for a model time of " + modelDelayMs + " ms");
                    assertTrue(bridgeMs < 200, "the bridge added " + bridgeMs + " ms to a frame");
                });
        live[0].stream.hangUp();
        live[0].finish();
        assertTrue(measured.size() >= 100, "at least 100 turns: " + measured.size());
    }

    // ------------------------------------------------------------------ helpers

    /** A realtime call in progress: the simulator's call (running), the media stream, the OpenAI session. */
    static final class Live {
        final CompletableFuture<SimulatedCall> result = new CompletableFuture<>();
        final CompletableFuture<FakeMediaStream> streamFuture = new CompletableFuture<>();
        FakeMediaStream stream;
        FakeRealtimeSession ai;
        Map<String, String> parameters;
        String sid;
        boolean sessionOpenedBeforeStream;

        static Live place(CallingTenant tenant, CallScript script) {
            Live live = new Live();
            CompletableFuture<FakeRealtimeSession> session = new CompletableFuture<>();
            openAi.onOpen(session::complete);
            Thread runner = new Thread(() -> {
                try {
                    live.result.complete(tenant.simulator().call(script.whenStreamed((sid, url, params) -> {
                        live.sessionOpenedBeforeStream = session.isDone();
                        live.parameters = params;
                        live.sid = sid;
                        FakeMediaStream stream = FakeMediaStream.open(URI.create(url), sid, tenant.accountSid(), params);
                        live.streamFuture.complete(stream);
                        stream.awaitClose(Duration.ofMinutes(5));
                    })));
                } catch (Throwable t) {
                    live.result.completeExceptionally(t);
                    live.streamFuture.completeExceptionally(t);
                }
            }, "simulated-call");
            runner.setDaemon(true);
            runner.start();
            try {
                live.stream = live.streamFuture.get(15, TimeUnit.SECONDS);
                live.ai = session.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("The realtime call did not start: " + e, e);
            }
            openAi.onOpen(s -> { });
            openAi.drain();
            return live;
        }

        String callSid() {
            return sid;
        }

        SimulatedCall finish() {
            try {
                SimulatedCall call = result.get(30, TimeUnit.SECONDS);
                assertEquals(List.of(), call.failures(), call.toString());
                return call;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private void assertHuman(SimulatedCall call, String why) {
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().stream().anyMatch(s -> s.contains("something went wrong")), "a short apology: " + call.said());
        Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
        assertEquals("agent-" + receptionAgent.getString("id"), dialed.targets().get(0).address(), "a human: " + call);
        String record = acme.call(call.sid()).toString();
        assertTrue(record.contains(why), record);
        assertEquals(1, Sql.count("select count(*) from realtime_streams where call_sid = ? and outcome = 'failed' and ended_at is not null",
                call.sid()));
    }

    private static void assertRefused(URI url, String callSid, Map<String, String> parameters, String reason) {
        try (FakeMediaStream stream = FakeMediaStream.open(url, callSid, acme.accountSid(), parameters)) {
            CloseReason closed = stream.awaitClose(WAIT);
            assertNotNull(closed, "refused: " + reason);
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), closed.getCloseCode().getCode(), closed.toString());
            assertEquals(reason, closed.getReasonPhrase());
            assertEquals(0, stream.receivedBytes());
        }
    }

    private static String streamsFingerprint() {
        return Sql.rows("select id, connected_at, ended_at, outcome from realtime_streams order by id").toString();
    }

    private static String toolOutput(FakeRealtimeSession ai, String callId) {
        return ai.awaitEvent(e -> "conversation.item.create".equals(e.getString("type", ""))
                        && callId.equals(e.getJsonObject("item").getString("call_id", "")), "output of " + callId, WAIT)
                .getJsonObject("item").getString("output");
    }

    private static List<Map<String, Object>> turns(String callSid) {
        return Sql.rows("select t.* from conversation_turns t join calls c on c.id = t.call_id where c.twilio_call_sid = ?"
                + " order by t.seq", callSid);
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("Timed out: " + what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unused")
    private static void unused(Consumer<Object> c) {
    }
}
