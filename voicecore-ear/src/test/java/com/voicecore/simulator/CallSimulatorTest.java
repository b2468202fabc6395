package com.voicecore.simulator;

import com.voicecore.simulator.FakeTwimlServer.Received;
import com.voicecore.simulator.Step.DialTarget;
import com.voicecore.simulator.Step.HungUp.By;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator against a fake TwiML server on loopback that validates every signature with twilio-java. */
class CallSimulatorTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f1e2d3c4b5a6978812345678abcdef00";
    private static final String INCOMING = "/twilio/voice/incoming";
    private static final String STATUS = "/twilio/voice/status";
    private static final Instant START = Instant.parse("2026-03-02T10:15:30Z");

    private FakeTwimlServer server;
    private CallSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTwimlServer(TOKEN);
        simulator = new CallSimulator(server.baseUrl(), ACCOUNT, TOKEN)
                .withClock(Clock.fixed(START, ZoneOffset.UTC))
                .withSeed(7);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CallScript caller() {
        return CallScript.from("+14155550100").to("+14155550199");
    }

    private static String response(String verbs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }

    @Test
    void incomingCallCarriesTwilioParametersAndAValidSignature() {
        server.twiml(INCOMING, response("<Say language=\"en-US\" voice=\"Polly.Joanna\">Hello, VoiceCore here.</Say>"));

        SimulatedCall call = simulator.call(caller().stirVerstat("TN-Validation-Passed-A").callToken("tok-1")
                .param("ForwardedFrom", "+14155550111"));

        Received incoming = server.only(INCOMING);
        assertTrue(incoming.signatureValid());
        assertEquals("POST", incoming.method());
        assertTrue(call.sid().matches("CA[0-9a-f]{32}"), call.sid());
        assertEquals(call.sid(), incoming.parameter("CallSid"));
        assertEquals(ACCOUNT, incoming.parameter("AccountSid"));
        assertEquals("2010-04-01", incoming.parameter("ApiVersion"));
        assertEquals("ringing", incoming.parameter("CallStatus"));
        assertEquals("inbound", incoming.parameter("Direction"));
        assertEquals("+14155550100", incoming.parameter("From"));
        assertEquals("+14155550100", incoming.parameter("Caller"));
        assertEquals("+14155550199", incoming.parameter("To"));
        assertEquals("+14155550199", incoming.parameter("Called"));
        assertEquals("TN-Validation-Passed-A", incoming.parameter("StirVerstat"));
        assertEquals("tok-1", incoming.parameter("CallToken"));
        assertEquals("+14155550111", incoming.parameter("ForwardedFrom"));
        for (String location : List.of("FromCity", "FromState", "FromZip", "FromCountry", "CallerCity", "CallerZip",
                "ToCity", "CalledZip")) {
            assertTrue(incoming.parameters().containsKey(location), location);
        }
        assertNotEquals(null, incoming.idempotencyToken());

        assertEquals(List.of(new Step.Said("Hello, VoiceCore here.", "en-US", "Polly.Joanna"),
                new Step.HungUp(By.END_OF_TWIML)), call.transcript());
        assertEquals(List.of(), call.failures());
        assertEquals("completed", call.finalStatus());
        assertTrue(call.answered());
    }

    @Test
    void withoutLocationLeavesTheLocationFieldsOut() {
        server.twiml(INCOMING, response("<Hangup/>"));

        simulator.call(caller().withoutLocation());

        assertFalse(server.only(INCOMING).parameters().keySet().stream()
                .anyMatch(name -> name.endsWith("City") || name.endsWith("Zip")));
    }

    @Test
    void statusCallbacksFollowTheCallWithSequenceTimestampsAndDuration() {
        // 3 words of Say = 1.2 s, Pause 3 s, Dial answered: 5 s ringing + 42 s talk = 51.2 s -> 52 s
        server.twiml(INCOMING, response("<Say>Hello there caller</Say><Pause length=\"3\"/><Dial>+14155550123</Dial>"));

        SimulatedCall call = simulator.call(caller().whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(42)));

        assertEquals(Duration.ofMillis(51_200), call.duration());
        List<Received> callbacks = server.received(STATUS);
        assertEquals(List.of("initiated", "ringing", "answered", "completed"),
                callbacks.stream().map(c -> c.parameter("StatusCallbackEvent")).collect(Collectors.toList()));
        assertEquals(List.of("initiated", "ringing", "in-progress", "completed"),
                callbacks.stream().map(c -> c.parameter("CallStatus")).collect(Collectors.toList()));
        assertEquals(List.of("0", "1", "2", "3"),
                callbacks.stream().map(c -> c.parameter("SequenceNumber")).collect(Collectors.toList()));
        for (Received callback : callbacks) {
            assertTrue(callback.signatureValid());
            assertEquals(call.sid(), callback.parameter("CallSid"));
            assertEquals(ACCOUNT, callback.parameter("AccountSid"));
            assertEquals("+14155550100", callback.parameter("From"));
            assertEquals("+14155550199", callback.parameter("To"));
            assertEquals("inbound", callback.parameter("Direction"));
            assertEquals("2010-04-01", callback.parameter("ApiVersion"));
        }
        assertNull(callbacks.get(2).parameter("CallDuration"), "CallDuration is on the terminal callback only");
        assertEquals("52", callbacks.get(3).parameter("CallDuration"));
        ZonedDateTime first = ZonedDateTime.parse(callbacks.get(0).parameter("Timestamp"), DateTimeFormatter.RFC_1123_DATE_TIME);
        ZonedDateTime last = ZonedDateTime.parse(callbacks.get(3).parameter("Timestamp"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertEquals(START, first.toInstant());
        assertEquals(START.plusSeconds(51), last.toInstant()); // RFC 1123 has whole seconds
    }

    @Test
    void gatherTakesScriptedDigitsAndSpeechInOrderAndFollowsEachAction() {
        server.twiml(INCOMING, response(
                "<Gather numDigits=\"3\" action=\"/menu\"><Say language=\"en-US\">Enter your extension</Say></Gather>"));
        // relative action, method GET, finishOnKey: the simulator resolves and honours them
        server.twiml("/menu", response("<Gather finishOnKey=\"*\" action=\"pin\" method=\"GET\"><Play>https://cdn.example/beep.wav</Play></Gather>"));
        server.twiml("/pin", response("<Gather input=\"speech\" action=\"" + server.url("/speech") + "\"><Say>How can I help?</Say></Gather>"));
        server.twiml("/speech", response("<Say>Connecting you to sales.</Say><Hangup/>"));

        SimulatedCall call = simulator.call(caller().pressDigits("1234", "42*9").say("I'd like to talk to sales"));

        assertEquals(List.of(), call.failures());
        Received menu = server.only("/menu");
        assertEquals("123", menu.parameter("Digits"), "numDigits=3 stops at three keys");
        assertEquals("in-progress", menu.parameter("CallStatus"));
        assertEquals(call.sid(), menu.parameter("CallSid"));
        assertEquals("+14155550100", menu.parameter("From"));
        assertTrue(menu.signatureValid());

        Received pin = server.only("/pin");
        assertEquals("GET", pin.method());
        assertEquals("42", pin.query().get("Digits"), "the finish key ends input and is not sent");
        assertTrue(pin.url().contains("?"), "a GET carries the parameters in the query string");
        assertTrue(pin.signatureValid(), "a GET is signed over the URL with its query");

        Received speech = server.only("/speech");
        assertEquals("I'd like to talk to sales", speech.parameter("SpeechResult"));
        assertEquals("0.92", speech.parameter("Confidence"));
        assertNull(speech.parameter("Digits"));

        assertEquals(List.of(
                new Step.Said("Enter your extension", "en-US", null),
                new Step.Pressed("123"),
                new Step.Played("https://cdn.example/beep.wav", 1, null),
                new Step.Pressed("42"),
                new Step.Said("How can I help?", null, null),
                new Step.Spoke("I'd like to talk to sales", 0.92),
                new Step.Said("Connecting you to sales.", null, null),
                new Step.HungUp(By.HANGUP_VERB)), call.transcript());
    }

    @Test
    void gatherWithNothingEnteredFallsThroughToTheNextVerb() {
        server.twiml(INCOMING, response("<Gather action=\"/menu\"><Say>Press 1</Say></Gather>"
                + "<Say>We did not receive any input.</Say>"));
        server.twiml("/menu", response("<Say>never</Say>"));

        SimulatedCall call = simulator.call(caller());

        assertEquals(List.of(), server.received("/menu"));
        assertEquals(List.of("Press 1", "We did not receive any input."), call.said());
        assertEquals(1, call.steps(Step.NoInput.class).size());
        assertEquals(Duration.ofMillis(1000 + 5000 + 2400), call.duration(), "the 5 s timeout is spent");
    }

    @Test
    void speechToADtmfOnlyGatherIsNotHeardButUsesUpTheAnswer() {
        server.twiml(INCOMING, response("<Gather action=\"/a\"/><Gather action=\"/b\"/>"));
        server.twiml("/b", response("<Hangup/>"));

        simulator.call(caller().say("hello").pressDigits("5"));

        assertEquals(List.of(), server.received("/a"));
        assertEquals("5", server.only("/b").parameter("Digits"));
    }

    @Test
    void actionOnEmptyResultPostsEvenWithoutInput() {
        server.twiml(INCOMING, response("<Gather actionOnEmptyResult=\"true\" action=\"/menu\" timeout=\"2\"/>"));
        server.twiml("/menu", response("<Hangup/>"));

        SimulatedCall call = simulator.call(caller().staySilent());

        assertEquals("", server.only("/menu").parameter("Digits"));
        assertEquals(List.of(), call.failures());
    }

    @Test
    void dialAnsweredRecordsTargetsPostsTheActionAndTheRecordingAndTheCallerHangsUp() {
        server.twiml(INCOMING, response(
                "<Dial callerId=\"+14155550199\" action=\"/dial-done\" timeout=\"20\" record=\"record-from-answer\""
                        + " recordingStatusCallback=\"/recording\">"
                        + "<Number>+14155550123</Number>"
                        + "<Client><Identity>agent-7</Identity><Parameter name=\"callSid\" value=\"CAx\"/></Client>"
                        + "<Sip>sip:desk@pbx.example.com</Sip>"
                        + "</Dial><Say>not reached</Say>"));
        server.twiml("/dial-done", response("<Say>ignored: the caller is gone</Say>"));
        server.answer("/recording", 204, "text/plain", "");

        SimulatedCall call = simulator.call(caller().whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(42)));

        assertEquals(List.of(), call.failures());
        Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
        assertEquals(List.of(DialTarget.number("+14155550123"),
                new DialTarget(DialTarget.Kind.CLIENT, "agent-7", Map.of("callSid", "CAx")),
                new DialTarget(DialTarget.Kind.SIP, "sip:desk@pbx.example.com", Map.of())), dialed.targets());
        assertEquals("+14155550199", dialed.callerId());
        assertEquals(Duration.ofSeconds(42), dialed.talk());
        assertTrue(dialed.recorded());

        Received done = server.only("/dial-done");
        assertEquals("completed", done.parameter("DialCallStatus"));
        assertEquals("42", done.parameter("DialCallDuration"));
        assertTrue(done.parameter("DialCallSid").matches("CA[0-9a-f]{32}"));
        assertNotEquals(call.sid(), done.parameter("DialCallSid"));
        assertEquals("completed", done.parameter("CallStatus"), "the caller hung up at the end of the talk");
        assertTrue(done.parameter("RecordingUrl").contains("/Recordings/RE"));

        Received recording = server.only("/recording");
        assertTrue(recording.signatureValid());
        assertEquals("completed", recording.parameter("RecordingStatus"));
        assertEquals("42", recording.parameter("RecordingDuration"));
        assertTrue(recording.parameter("RecordingSid").matches("RE[0-9a-f]{32}"));
        assertEquals(done.parameter("RecordingUrl"), recording.parameter("RecordingUrl"));
        assertEquals(call.sid(), recording.parameter("CallSid"));

        assertEquals(List.of(), call.said(), "neither the action's TwiML nor the rest of the document runs");
        assertEquals(new Step.HungUp(By.CALLER), call.transcript().get(call.transcript().size() - 1));
    }

    @Test
    void dialNotAnsweredWithoutActionContinuesWithTheNextVerb() {
        server.twiml(INCOMING, response("<Dial timeout=\"10\">+14155550123</Dial><Say>Nobody answered.</Say>"));

        SimulatedCall call = simulator.call(caller()); // unscripted Dial: no answer

        assertEquals(DialOutcome.NO_ANSWER, call.steps(Step.Dialed.class).get(0).outcome());
        assertEquals(List.of("Nobody answered."), call.said());
        assertEquals(Duration.ofSeconds(10 + 1), call.duration());
    }

    @Test
    void dialAnsweredWithoutActionEndsTheCall() {
        server.twiml(INCOMING, response("<Dial><Number>+14155550123</Number></Dial><Say>not reached</Say>"));

        SimulatedCall call = simulator.call(caller().whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(5)));

        assertEquals(List.of(), call.said());
        assertEquals("completed", call.finalStatus());
    }

    @Test
    void busyAndCalleeHangUpOutcomesLetTheCallerGoOn() {
        server.twiml(INCOMING, response("<Dial action=\"/after-busy\">+14155550123</Dial>"));
        server.twiml("/after-busy", response("<Dial action=\"/after-talk\">+14155550124</Dial>"));
        server.twiml("/after-talk", response("<Say>Thanks for calling.</Say>"));

        SimulatedCall call = simulator.call(caller().whenDialed(DialOutcome.BUSY)
                .whenDialed(DialOutcome.ANSWERED_CALLEE_HANGS_UP, Duration.ofSeconds(30)));

        Received afterBusy = server.only("/after-busy");
        assertEquals("busy", afterBusy.parameter("DialCallStatus"));
        assertNull(afterBusy.parameter("DialCallDuration"));
        Received afterTalk = server.only("/after-talk");
        assertEquals("completed", afterTalk.parameter("DialCallStatus"));
        assertEquals("30", afterTalk.parameter("DialCallDuration"));
        assertEquals("in-progress", afterTalk.parameter("CallStatus"));
        assertEquals(List.of("Thanks for calling."), call.said());
    }

    @Test
    void enqueueRequestsTheWaitUrlOnceAndPostsTheQueueResult() {
        server.twiml(INCOMING, response("<Enqueue waitUrl=\"/hold\" action=\"/left\">support</Enqueue>"));
        server.twiml("/hold", response("<Say>All agents are busy.</Say><Play>https://cdn.example/music.mp3</Play>"));
        server.twiml("/left", response("<Say>ignored</Say>"));

        SimulatedCall call = simulator.call(caller()); // unscripted: the caller hangs up after 30 s

        Received hold = server.only("/hold");
        assertEquals("1", hold.parameter("QueuePosition"));
        assertTrue(hold.parameter("QueueSid").matches("QU[0-9a-f]{32}"));
        assertEquals("1", hold.parameter("CurrentQueueSize"));
        assertEquals("0", hold.parameter("AvgQueueTime"));
        Received left = server.only("/left");
        assertEquals("hangup", left.parameter("QueueResult"));
        assertEquals("30", left.parameter("QueueTime"));
        assertEquals(hold.parameter("QueueSid"), left.parameter("QueueSid"));
        assertEquals(List.of(
                new Step.Enqueued("support", QueueResult.HANGUP, Duration.ofSeconds(30)),
                new Step.Said("All agents are busy.", null, null),
                new Step.Played("https://cdn.example/music.mp3", 1, null),
                new Step.HungUp(By.CALLER)), call.transcript());
    }

    @Test
    void bridgedQueueResultFollowsTheAction() {
        server.twiml(INCOMING, response("<Enqueue action=\"/left\">sales</Enqueue>"));
        server.twiml("/left", response("<Say>Goodbye.</Say>"));

        SimulatedCall call = simulator.call(caller().whenEnqueued(QueueResult.BRIDGED, Duration.ofSeconds(12)));

        assertEquals("bridged", server.only("/left").parameter("QueueResult"));
        assertEquals("12", server.only("/left").parameter("QueueTime"));
        assertEquals(List.of("Goodbye."), call.said());
    }

    @Test
    void voicemailPostsRecordingTranscriptionAndDigitsHangup() {
        server.twiml(INCOMING, response("<Say>Leave a message.</Say><Record action=\"/vm\" maxLength=\"120\""
                + " recordingStatusCallback=\"/vm-status\" transcribe=\"true\" transcribeCallback=\"/vm-text\"/>"));
        server.twiml("/vm", response("<Say>ignored</Say>"));
        server.answer("/vm-status", 200, "text/plain", "");
        server.answer("/vm-text", 200, "text/plain", "");

        SimulatedCall call = simulator.call(caller().leaveVoicemail(Duration.ofSeconds(12), "Please call me back"));

        assertEquals(List.of(), call.failures());
        Received vm = server.only("/vm");
        assertEquals("hangup", vm.parameter("Digits"));
        assertEquals("12", vm.parameter("RecordingDuration"));
        assertEquals("completed", vm.parameter("CallStatus"));
        String recordingSid = vm.parameter("RecordingSid");
        assertTrue(recordingSid.matches("RE[0-9a-f]{32}"));
        assertTrue(vm.parameter("RecordingUrl").endsWith("/Accounts/" + ACCOUNT + "/Recordings/" + recordingSid));

        Received status = server.only("/vm-status");
        assertEquals("completed", status.parameter("RecordingStatus"));
        assertEquals(recordingSid, status.parameter("RecordingSid"));
        assertEquals("12", status.parameter("RecordingDuration"));

        Received text = server.only("/vm-text");
        assertEquals("Please call me back", text.parameter("TranscriptionText"));
        assertEquals("completed", text.parameter("TranscriptionStatus"));
        assertEquals(recordingSid, text.parameter("RecordingSid"));
        assertTrue(text.parameter("TranscriptionSid").matches("TR[0-9a-f]{32}"));

        assertEquals(List.of("Leave a message."), call.said());
        assertEquals(new Step.Recorded(Duration.ofSeconds(12), "Please call me back"), call.steps(Step.Recorded.class).get(0));
    }

    @Test
    void recordWithoutAMessageRequestsNoActionAndGoesOn() {
        server.twiml(INCOMING, response("<Record action=\"/vm\" timeout=\"3\"/><Say>No message recorded.</Say>"));

        SimulatedCall call = simulator.call(caller());

        assertEquals(List.of(), server.received("/vm"));
        assertEquals(List.of("No message recorded."), call.said());
    }

    @Test
    void redirectFetchesTheUrlWithTheCallParameters() {
        server.twiml(INCOMING, response("<Redirect method=\"POST\">/next</Redirect><Say>not reached</Say>"));
        server.twiml("/next", response("<Say>Redirected.</Say>"));

        SimulatedCall call = simulator.call(caller());

        Received next = server.only("/next");
        assertEquals(call.sid(), next.parameter("CallSid"));
        assertEquals("in-progress", next.parameter("CallStatus"));
        assertEquals(List.of(new Step.Redirected(server.url("/next")), new Step.Said("Redirected.", null, null),
                new Step.HungUp(By.END_OF_TWIML)), call.transcript());
    }

    @Test
    void rejectAsFirstVerbLeavesTheCallUnansweredBusyOrNoAnswer() {
        server.twiml(INCOMING, response("<Reject reason=\"busy\"/>"));
        SimulatedCall busy = simulator.call(caller());
        assertEquals("busy", busy.finalStatus());
        assertFalse(busy.answered());
        assertEquals(List.of(new Step.Rejected("busy")), busy.transcript());
        List<Received> callbacks = server.received(STATUS);
        assertEquals(List.of("initiated", "ringing", "completed"),
                callbacks.stream().map(c -> c.parameter("StatusCallbackEvent")).collect(Collectors.toList()));
        assertEquals("busy", callbacks.get(2).parameter("CallStatus"));
        assertEquals("0", callbacks.get(2).parameter("CallDuration"));

        server.twiml(INCOMING, response("<Reject/>"));
        assertEquals("no-answer", simulator.call(caller()).finalStatus());
    }

    @Test
    void connectStreamIsRecordedWithItsParametersAndTheFallbackRuns() {
        server.twiml(INCOMING, response("<Connect><Stream url=\"wss://voice.example/media\">"
                + "<Parameter name=\"tenant\" value=\"t-1\"/></Stream></Connect><Say>Sorry, let me take a message.</Say>"));

        SimulatedCall call = simulator.call(caller());

        assertEquals(new Step.Connected("Stream", "wss://voice.example/media", Map.of("tenant", "t-1")), call.transcript().get(0));
        assertEquals(List.of("Sorry, let me take a message."), call.said());
    }

    @Test
    void sayLoopCountsItsRepetitions() {
        server.twiml(INCOMING, response("<Say loop=\"3\">one two three four five</Say>"));

        SimulatedCall call = simulator.call(caller());

        assertEquals(new Step.Said("one two three four five", null, null, 3), call.transcript().get(0));
        assertEquals(Duration.ofMillis(3 * 2000), call.duration());
    }

    @Test
    void aServerErrorIsAFailureAndEndsTheCallWithAnApplicationError() {
        server.twiml(INCOMING, response("<Gather action=\"/broken\"/>"));
        server.answer("/broken", 500, "text/plain", "boom");

        SimulatedCall call = simulator.call(caller().pressDigits("1"));

        assertEquals(1, call.failures().size());
        assertEquals(500, call.failures().get(0).status());
        assertEquals(new Step.HungUp(By.APPLICATION_ERROR), call.transcript().get(call.transcript().size() - 1));
        assertEquals("completed", call.finalStatus());
    }

    @Test
    void anAnswerThatIsNotTwimlIsAFailure() {
        server.answer(INCOMING, 200, "application/json", "{\"ok\":true}");
        assertTrue(simulator.call(caller()).failures().get(0).reason().contains("not well-formed"));

        server.twiml(INCOMING, "<html><body>hi</body></html>");
        assertTrue(simulator.call(caller()).failures().get(0).reason().contains("not <Response>"));

        server.twiml(INCOMING, response("<Sya>typo</Sya>"));
        assertTrue(simulator.call(caller()).failures().get(0).reason().contains("<Sya> is not a TwiML voice verb"));
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        server.twiml(INCOMING, "<?xml version=\"1.0\"?><!DOCTYPE Response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Say>&x;</Say></Response>");

        SimulatedCall call = simulator.call(caller());

        assertEquals(1, call.failures().size());
        assertTrue(call.failures().get(0).reason().contains("DOCTYPE"), call.failures().get(0).reason());
        assertEquals(List.of(), call.said());
    }

    @Test
    void aRedirectLoopStopsAfterFiftyDocuments() {
        server.twiml(INCOMING, response("<Redirect>" + INCOMING + "</Redirect>"));

        SimulatedCall call = simulator.call(caller());

        assertEquals(CallRun.MAX_DOCUMENTS, server.received(INCOMING).size());
        assertTrue(call.failures().get(0).reason().contains("loop"));
    }

    @Test
    void aWrongTokenOrAMissingSignatureIsRefusedByAValidatingServer() {
        server.twiml(INCOMING, response("<Say>Hello</Say>"));

        SimulatedCall wrong = simulator.withSigning(CallSimulator.Signing.WRONG_TOKEN).call(caller());
        SimulatedCall unsigned = simulator.withSigning(CallSimulator.Signing.NONE).call(caller());

        assertEquals(403, wrong.failures().get(0).status());
        assertFalse(server.received(INCOMING).get(0).signatureValid());
        assertNotEquals(null, server.received(INCOMING).get(0).signature());
        assertEquals(403, unsigned.failures().get(0).status());
        assertNull(server.received(INCOMING).get(1).signature());
        assertNull(unsigned.requests().get(0).signature());
    }

    @Test
    void theCallerHangingUpMidDialStillRequestsTheActionWithCompleted() {
        server.twiml(INCOMING, response("<Dial action=\"/dial-done\">+14155550123</Dial>"));
        server.twiml("/dial-done", response("<Say>ignored</Say>"));

        SimulatedCall call = simulator.call(caller().whenDialed(DialOutcome.ANSWERED_CALLEE_HANGS_UP, Duration.ofSeconds(60))
                .hangUpAfter(Duration.ofSeconds(25)));

        Received done = server.only("/dial-done");
        assertEquals("completed", done.parameter("CallStatus"));
        assertEquals("20", done.parameter("DialCallDuration"), "25 s minus 5 s of ringing");
        assertEquals(Duration.ofSeconds(25), call.duration());
        assertEquals(List.of(), call.said());
    }

    @Test
    void hangingUpDuringAPromptEndsTheCallWithoutAction() {
        server.twiml(INCOMING, response("<Gather action=\"/menu\"><Say>one two three four five six seven eight</Say></Gather>"));

        SimulatedCall call = simulator.call(caller().pressDigits("1").hangUpAfter(Duration.ofSeconds(2)));

        assertEquals(List.of(), server.received("/menu"));
        assertEquals(Duration.ofSeconds(2), call.duration());
        assertEquals(new Step.HungUp(By.CALLER), call.transcript().get(call.transcript().size() - 1));
    }

    @Test
    void replayResendsTheStatusCallbacksReorderedAndDuplicatedWithValidSignatures() {
        server.twiml(INCOMING, response("<Say>Hello</Say>"));
        SimulatedCall call = simulator.call(caller());
        List<Received> original = server.received(STATUS);
        assertEquals(4, original.size());

        List<Exchange> reversed = simulator.replayStatusCallbacks(call, CallSimulator.Replay.REVERSED, 0);
        assertEquals(List.of("3", "2", "1", "0"),
                reversed.stream().map(e -> e.parameter("SequenceNumber")).collect(Collectors.toList()));

        List<Exchange> shuffled = simulator.replayStatusCallbacks(call, CallSimulator.Replay.SHUFFLED, 2);
        assertEquals(12, shuffled.size());
        assertTrue(shuffled.stream().allMatch(Exchange::succeeded));
        List<String> sequence = shuffled.stream().map(e -> e.parameter("SequenceNumber")).collect(Collectors.toList());
        assertNotEquals(sequence.stream().sorted().collect(Collectors.toList()), sequence, "seed 7 does shuffle");
        assertEquals(List.of("0", "0", "0", "1", "1", "1", "2", "2", "2", "3", "3", "3"),
                sequence.stream().sorted(Comparator.naturalOrder()).collect(Collectors.toList()));

        List<Received> all = server.received(STATUS);
        assertEquals(4 + 4 + 12, all.size());
        assertTrue(all.stream().allMatch(Received::signatureValid));
        // A retry is the same delivery: same idempotency token as the original with that sequence number.
        Map<String, String> tokenBySequence = original.stream()
                .collect(Collectors.toMap(r -> r.parameter("SequenceNumber"), Received::idempotencyToken));
        assertTrue(all.stream().allMatch(r -> r.idempotencyToken().equals(tokenBySequence.get(r.parameter("SequenceNumber")))));
    }

    @Test
    void aScriptCanBePlayedTwiceAndEachCallGetsItsOwnSid() {
        server.twiml(INCOMING, response("<Gather action=\"/menu\"/>"));
        server.twiml("/menu", response("<Hangup/>"));
        CallScript script = caller().pressDigits("1");

        SimulatedCall first = simulator.call(script);
        SimulatedCall second = simulator.call(script);

        assertNotEquals(first.sid(), second.sid());
        assertEquals(2, server.received("/menu").size());
        assertTrue(server.received("/menu").stream().allMatch(r -> "1".equals(r.parameter("Digits"))));
    }

    @Test
    void statusCallbacksGoWhereConfiguredOrNowhere() {
        server.twiml(INCOMING, response("<Hangup/>"));
        server.answer("/elsewhere", 200, "text/plain", "");

        simulator.withStatusCallback(server.url("/elsewhere")).call(caller());
        simulator.withoutStatusCallbacks().call(caller());

        assertEquals(4, server.received("/elsewhere").size());
        assertEquals(List.of(), server.received(STATUS));
    }

    @Test
    void aCallRegisteredWithTheTwilioStandInFollowsTheRestRedirectVoiceCoreMakes() throws Exception {
        try (com.voicecore.infrastructure.twilio.FakeTwilioApi api = com.voicecore.infrastructure.twilio.FakeTwilioApi.start()
                .account(ACCOUNT, TOKEN)) {
            String hold = server.baseUrl() + "/hold";
            server.twiml(INCOMING, response("<Redirect>" + hold + "</Redirect>"));
            server.twiml("/hold", response("<Gather input=\"dtmf\" timeout=\"2\" action=\"" + hold + "\"/><Redirect>" + hold + "</Redirect>"));
            server.twiml("/agent", response("<Dial><Client>alice</Client></Dial>"));
            java.util.concurrent.CompletableFuture<SimulatedCall> running = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    simulator.withLiveControl(new RemoteLiveControl(api.baseUrl()))
                            .call(caller().whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(30))));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.received("/hold").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String sid = server.received("/hold").get(0).parameter("CallSid");
            assertTrue(api.call(sid).isPresent(), "the simulator registered its live call with the stand-in");

            // what VoiceCore does when an agent accepts: Twilio's call update, with the account's credentials
            java.net.http.HttpResponse<String> update = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(api.baseUrl().resolve("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + sid + ".json"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Url=" + java.net.URLEncoder.encode(
                            server.baseUrl() + "/agent", java.nio.charset.StandardCharsets.UTF_8) + "&Method=POST")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, update.statusCode(), update.body());

            SimulatedCall call = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, server.received("/agent").size(), "the call went where the REST update sent it");
            assertEquals(1, call.steps(Step.Dialed.class).size(), call.toString());
            assertEquals("completed", api.call(sid).orElseThrow().status(), "the stand-in heard the call end");
        }
    }
}
