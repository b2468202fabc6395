package com.voicecore.simulator;

import com.voicecore.simulator.CallScript.Answer;
import com.voicecore.simulator.CallScript.DialScript;
import com.voicecore.simulator.CallScript.QueueScript;
import com.voicecore.simulator.CallScript.Voicemail;
import com.voicecore.simulator.Step.DialTarget;
import com.voicecore.simulator.Step.HungUp.By;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One call being played: the state Twilio keeps for a call (its SID, status, clock) and the TwiML interpreter.
 * Single use, single thread.
 *
 * <p>Each verb returns what comes next: {@link #CONTINUE} (the next verb of this document), {@link #END} (the
 * call is over) or a {@link Fetch} of the next document (an action, a redirect), which replaces the rest of
 * the current one, as in Twilio.
 */
final class CallRun {

    /** More documents than this in one call is a loop (a Redirect to itself, a Gather posting to itself…). */
    static final int MAX_DOCUMENTS = 50;

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** The next TwiML to request. */
    private record Fetch(URI url, String method, Map<String, String> parameters) {
    }

    private static final Fetch CONTINUE = new Fetch(null, "CONTINUE", Map.of());
    private static final Fetch END = new Fetch(null, "END", Map.of());

    /** TwiML Twilio cannot run (a bad URL, a verb that does not exist): an application error. */
    private static final class BadTwiml extends RuntimeException {
        BadTwiml(String message) {
            super(message);
        }
    }

    private final CallSimulator simulator;
    private final CallScript script;
    private final String sid;
    private final Instant start;
    private final Deque<Answer> answers;
    private final Deque<DialScript> dials;
    private final Deque<Voicemail> voicemails;
    private final Deque<QueueScript> queues;
    private final Long hangUpAtMillis;

    private final List<Step> steps = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    /** Recording and transcription callbacks: Twilio sends them once the media is processed; here, at the end. */
    private final List<Runnable> laterCallbacks = new ArrayList<>();

    /** Simulated milliseconds since the call arrived (ringing before the webhook answers is not modelled). */
    private long elapsed;
    private boolean answered;
    private boolean callerGone;
    private String rejectedAs;
    private int documents;

    CallRun(CallSimulator simulator, CallScript script) {
        this.simulator = simulator;
        this.script = script;
        this.sid = simulator.newSid("CA");
        this.start = simulator.clock().instant();
        this.answers = new ArrayDeque<>(script.answers());
        this.dials = new ArrayDeque<>(script.dials());
        this.voicemails = new ArrayDeque<>(script.voicemails());
        this.queues = new ArrayDeque<>(script.queues());
        this.hangUpAtMillis = script.hangUpAfterOrNull() == null ? null : script.hangUpAfterOrNull().toMillis();
        script.toNumber(); // fail fast on an incomplete script
    }

    SimulatedCall run() {
        Fetch next = new Fetch(simulator.voiceUrl(), "POST", incomingParameters());
        CallSimulator.LiveControl live = simulator.live();
        if (live != null) {
            live.started(sid, simulator.accountSid(), script.fromNumber(), script.toNumber());
        }
        while (next != null) {
            if (live != null) {
                Optional<URI> moved = live.movedTo(sid);
                if (moved.isPresent()) {
                    next = fetch(moved.get(), "POST", Map.of());
                }
            }
            if (++documents > MAX_DOCUMENTS) {
                applicationError(next.url(), 0, "more than " + MAX_DOCUMENTS + " TwiML documents in one call: a loop?");
                break;
            }
            Element response = fetch(next);
            if (response == null) {
                break;
            }
            next = play(response, next.url());
        }
        if (live != null) {
            live.ended(sid);
        }
        laterCallbacks.forEach(Runnable::run);
        String finalStatus = rejectedAs != null ? rejectedAs : "completed";
        Duration duration = answered ? Duration.ofMillis(elapsed) : Duration.ZERO;
        sendStatusCallbacks(finalStatus, duration);
        return new SimulatedCall(sid, script.fromNumber(), script.toNumber(), steps, exchanges, finalStatus, duration,
                answered);
    }

    // --- documents ---------------------------------------------------------------------------------------------

    private Element fetch(Fetch fetch) {
        Exchange exchange = send(Exchange.Kind.TWIML, fetch.method(), fetch.url(), fetch.parameters());
        if (exchange.status() != 200) {
            applicationError(exchange.url(), exchange.status(), exchange.status() < 0
                    ? "no answer: " + exchange.error() : "HTTP " + exchange.status() + " instead of 200 with TwiML");
            return null;
        }
        try {
            return Twiml.parse(exchange.body());
        } catch (Twiml.NotTwiml e) {
            applicationError(exchange.url(), exchange.status(), e.getMessage());
            return null;
        }
    }

    /** Runs a document's verbs in order; returns the next document to fetch, or null when the call is over. */
    private Fetch play(Element response, URI documentUrl) {
        List<Element> verbs = Twiml.children(response);
        if (!answered && rejectedAs == null) {
            // Twilio picks up unless the very first verb is <Reject>.
            answered = verbs.isEmpty() || !"Reject".equals(verbs.get(0).getTagName());
        }
        try {
            for (Element verb : verbs) {
                Fetch next = verb(verb, documentUrl);
                if (next == END) {
                    return null;
                }
                if (next != CONTINUE) {
                    return next;
                }
            }
        } catch (BadTwiml e) {
            applicationError(documentUrl, 200, e.getMessage());
            return null;
        }
        steps.add(new Step.HungUp(By.END_OF_TWIML));
        return null;
    }

    private Fetch verb(Element verb, URI documentUrl) {
        String name = verb.getTagName();
        return switch (name) {
            case "Say" -> say(verb);
            case "Play" -> playAudio(verb);
            case "Pause" -> pause(verb);
            case "Gather" -> gather(verb, documentUrl);
            case "Dial" -> dial(verb, documentUrl);
            case "Enqueue" -> enqueue(verb, documentUrl);
            case "Record" -> record(verb, documentUrl);
            case "Redirect" -> redirect(verb, documentUrl);
            case "Reject" -> reject(verb);
            case "Hangup" -> {
                steps.add(new Step.HungUp(By.HANGUP_VERB));
                yield END;
            }
            case "Connect" -> connect(verb, documentUrl);
            // Valid TwiML that does not change the conversation the simulator plays.
            case "Start", "Stop", "Pay", "Refer", "Echo", "Sms", "Message", "Leave" -> {
                steps.add(new Step.Skipped(name));
                yield CONTINUE;
            }
            default -> throw new BadTwiml("<" + name + "> is not a TwiML voice verb");
        };
    }

    // --- verbs -------------------------------------------------------------------------------------------------

    private Fetch say(Element say) {
        String text = Twiml.text(say);
        int loop = Math.max(0, Twiml.intAttribute(say, "loop", 1));
        steps.add(new Step.Said(text, Twiml.attribute(say, "language"), Twiml.attribute(say, "voice"), loop));
        if (!spend(Timing.say(text) * Math.max(loop, 1)) || loop == 0) {
            return callerHangsUp(); // loop="0" repeats until the caller gives up
        }
        return CONTINUE;
    }

    private Fetch playAudio(Element play) {
        String url = Twiml.ownText(play);
        String digits = Twiml.attribute(play, "digits");
        int loop = Math.max(0, Twiml.intAttribute(play, "loop", 1));
        steps.add(new Step.Played(url, loop, digits));
        long millis = url.isEmpty() ? 0 : Timing.PLAY_MILLIS * Math.max(loop, 1);
        millis += digits == null ? 0 : digits.length() * Timing.MILLIS_PER_KEY;
        if (!spend(millis) || (loop == 0 && !url.isEmpty())) {
            return callerHangsUp();
        }
        return CONTINUE;
    }

    private Fetch pause(Element pause) {
        int seconds = Math.max(0, Twiml.intAttribute(pause, "length", 1));
        steps.add(new Step.Paused(seconds));
        return spend(seconds * 1000L) ? CONTINUE : callerHangsUp();
    }

    /**
     * Prompts first, then the next scripted answer. Nothing usable (no answer left, silence, or an answer the
     * {@code input} does not take): Twilio waits {@code timeout} and falls through to the next verb, or with
     * {@code actionOnEmptyResult="true"} posts to the action anyway.
     */
    private Optional<URI> waitForMove(CallSimulator.LiveControl live, int timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<URI> moved = live.movedTo(sid);
            if (moved.isPresent()) {
                return moved;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private Fetch gather(Element gather, URI documentUrl) {
        String input = Twiml.attribute(gather, "input") == null ? "dtmf" : gather.getAttribute("input");
        boolean takesDigits = input.contains("dtmf");
        boolean takesSpeech = input.contains("speech");
        int numDigits = Twiml.intAttribute(gather, "numDigits", 0);
        // An empty finishOnKey is allowed and means none, so read it raw.
        String finishOnKey = gather.hasAttribute("finishOnKey") ? gather.getAttribute("finishOnKey").strip() : "#";
        int timeout = Twiml.intAttribute(gather, "timeout", Timing.DEFAULT_GATHER_TIMEOUT_SECONDS);
        URI action = resolveOr(documentUrl, Twiml.attribute(gather, "action"), documentUrl);

        for (Element prompt : Twiml.children(gather)) {
            Fetch next = switch (prompt.getTagName()) {
                case "Say" -> say(prompt);
                case "Play" -> playAudio(prompt);
                case "Pause" -> pause(prompt);
                default -> throw new BadTwiml("<" + prompt.getTagName() + "> cannot be nested in <Gather>");
            };
            if (next == END) {
                return END;
            }
        }

        Answer answer = answers.poll();
        Map<String, String> result = new LinkedHashMap<>();
        if (answer != null && answer.kind() == Answer.Kind.DIGITS && takesDigits) {
            StringBuilder digits = new StringBuilder();
            int pressed = 0;
            for (char key : answer.text().toCharArray()) {
                pressed++;
                if (finishOnKey.indexOf(key) >= 0) {
                    break; // the finish key ends input and is not part of Digits
                }
                digits.append(key);
                if (numDigits > 0 && digits.length() == numDigits) {
                    break; // Twilio stops listening; later keys are lost
                }
            }
            if (!spend(pressed * Timing.MILLIS_PER_KEY)) {
                return callerHangsUp();
            }
            if (!digits.isEmpty()) {
                steps.add(new Step.Pressed(digits.toString()));
                result.put("Digits", digits.toString());
                return fetch(action, method(gather), result);
            }
            steps.add(new Step.NoInput("Gather", "only the finish key"));
        } else if (answer != null && answer.kind() == Answer.Kind.SPEECH && takesSpeech) {
            if (!spend(Timing.speech(answer.text()))) {
                return callerHangsUp();
            }
            steps.add(new Step.Spoke(answer.text(), answer.confidence()));
            result.put("SpeechResult", answer.text());
            result.put("Confidence", BigDecimal.valueOf(answer.confidence()).toPlainString());
            return fetch(action, method(gather), result);
        } else {
            CallSimulator.LiveControl live = simulator.live();
            if (live != null && answer == null) {
                // a live call: the wait passes in real time, and the REST API may move the call meanwhile
                Optional<URI> moved = waitForMove(live, timeout);
                if (moved.isPresent()) {
                    steps.add(new Step.NoInput("Gather", "moved through the REST API"));
                    return fetch(moved.get(), "POST", Map.of());
                }
            }
            if (!spend(timeout * 1000L)) {
                return callerHangsUp();
            }
            String why = answer == null ? "the script has no more answers"
                    : answer.kind() == Answer.Kind.SILENCE ? "silence"
                    : "input=\"" + input + "\" does not take " + (answer.kind() == Answer.Kind.DIGITS ? "keys" : "speech");
            steps.add(new Step.NoInput("Gather", why + "; timed out after " + timeout + " s"));
        }
        if (!"true".equalsIgnoreCase(Twiml.attribute(gather, "actionOnEmptyResult"))) {
            return CONTINUE;
        }
        if (takesDigits) {
            result.put("Digits", ""); // modelled: the action learns that nothing was entered
        }
        return fetch(action, method(gather), result);
    }

    /**
     * Ringing then, if answered, the talk time. Posts {@code DialCallStatus}/{@code DialCallSid}/{@code
     * DialCallDuration} to the action. Without an action the document continues, unless the caller has hung up.
     */
    private Fetch dial(Element dial, URI documentUrl) {
        List<DialTarget> targets = dialTargets(dial);
        if (targets.isEmpty()) {
            throw new BadTwiml("<Dial> with nothing to dial");
        }
        String callerId = Twiml.attribute(dial, "callerId");
        URI action = resolveOr(documentUrl, Twiml.attribute(dial, "action"), null);
        int timeout = Twiml.intAttribute(dial, "timeout", Timing.DEFAULT_DIAL_TIMEOUT_SECONDS);
        String record = Twiml.attribute(dial, "record");
        boolean recorded = record != null && !record.equals("do-not-record") && !record.equals("false");
        URI recordingCallback = resolveOr(documentUrl, Twiml.attribute(dial, "recordingStatusCallback"), null);
        String recordingCallbackMethod = methodOf(dial, "recordingStatusCallbackMethod");

        DialScript scripted = dials.poll();
        DialOutcome outcome = scripted == null ? DialOutcome.NO_ANSWER : scripted.outcome();
        long ring = switch (outcome) {
            case ANSWERED, ANSWERED_CALLEE_HANGS_UP -> Math.min(Timing.RING_BEFORE_ANSWER_MILLIS, timeout * 1000L);
            case NO_ANSWER -> timeout * 1000L;
            case BUSY -> Timing.BUSY_MILLIS;
            case FAILED -> Timing.FAILED_MILLIS;
        };
        String dialCallStatus = outcome.dialCallStatus();
        long talked = 0;
        if (!spend(ring)) {
            callerGone = true;
            dialCallStatus = "canceled"; // the caller gave up before the other side answered
        } else if (outcome.answered()) {
            long before = elapsed;
            boolean stayed = spend(scripted.talk().toMillis());
            talked = elapsed - before;
            // ANSWERED: the caller ends the conversation; cut short by hangUpAfter: the caller too.
            callerGone = !stayed || outcome == DialOutcome.ANSWERED;
        }
        boolean recordingMade = recorded && talked > 0;
        steps.add(new Step.Dialed(targets, callerId, outcome, Duration.ofSeconds(seconds(talked)), recordingMade));

        Map<String, String> result = new LinkedHashMap<>();
        result.put("DialCallStatus", dialCallStatus);
        result.put("DialCallSid", simulator.newSid("CA"));
        if (outcome.answered() && !"canceled".equals(dialCallStatus)) {
            result.put("DialCallDuration", Long.toString(seconds(talked)));
        }
        if (recordingMade) {
            String recordingSid = simulator.newSid("RE");
            long recordedMillis = record.startsWith("record-from-ringing") ? talked + ring : talked;
            result.put("RecordingUrl", recordingUrl(recordingSid));
            if (recordingCallback != null) {
                Instant startedAt = start.plusMillis(elapsed - recordedMillis);
                laterCallbacks.add(() -> recordingCallback(recordingCallback, recordingCallbackMethod, recordingSid,
                        recordedMillis, "DialVerb", startedAt));
            }
        }
        if (callerGone) {
            steps.add(new Step.HungUp(By.CALLER));
            if (action != null) {
                requestAfterHangUp(action, method(dial), result);
            }
            return END;
        }
        return action == null ? CONTINUE : fetch(action, method(dial), result);
    }

    private List<DialTarget> dialTargets(Element dial) {
        List<DialTarget> targets = new ArrayList<>();
        List<Element> nouns = Twiml.children(dial);
        String bare = Twiml.ownText(dial);
        if (nouns.isEmpty() && !bare.isEmpty()) {
            targets.add(DialTarget.number(bare));
        }
        for (Element noun : nouns) {
            DialTarget.Kind kind = switch (noun.getTagName()) {
                case "Number" -> DialTarget.Kind.NUMBER;
                case "Client" -> DialTarget.Kind.CLIENT;
                case "Sip" -> DialTarget.Kind.SIP;
                case "Queue" -> DialTarget.Kind.QUEUE;
                case "Conference" -> DialTarget.Kind.CONFERENCE;
                default -> throw new BadTwiml("<" + noun.getTagName() + "> is not a noun the simulator can dial");
            };
            String address = Twiml.ownText(noun);
            for (Element child : Twiml.children(noun)) {
                if ("Identity".equals(child.getTagName())) {
                    address = Twiml.text(child); // <Client><Identity>alice</Identity><Parameter …/></Client>
                }
            }
            targets.add(new DialTarget(kind, address, parameters(noun)));
        }
        return targets;
    }

    /**
     * Requests {@code waitUrl} once (its Say/Play/Pause are what the caller hears on hold; {@code <Leave>} or
     * {@code <Hangup>} there end the wait), waits the scripted time, then posts {@code QueueResult} to the action.
     */
    private Fetch enqueue(Element enqueue, URI documentUrl) {
        String queue = Twiml.ownText(enqueue);
        URI action = resolveOr(documentUrl, Twiml.attribute(enqueue, "action"), null);
        URI waitUrl = resolveOr(documentUrl, Twiml.attribute(enqueue, "waitUrl"), null);
        QueueScript scripted = queues.poll();
        QueueResult result = scripted == null ? QueueResult.HANGUP : scripted.result();
        Duration waiting = scripted == null ? Duration.ofSeconds(Timing.DEFAULT_QUEUE_WAIT_SECONDS) : scripted.waited();
        String queueSid = simulator.newSid("QU");
        int enqueuedAt = steps.size();

        if (waitUrl != null) {
            Map<String, String> position = new LinkedHashMap<>();
            position.put("QueueSid", queueSid);
            position.put("QueuePosition", "1");
            position.put("QueueTime", "0");
            position.put("AvgQueueTime", "0");
            position.put("CurrentQueueSize", "1");
            documents++;
            Exchange exchange = send(Exchange.Kind.TWIML, methodOf(enqueue, "waitUrlMethod"), waitUrl,
                    withCallParameters(position));
            QueueResult fromWaitUrl = holdMusic(exchange);
            if (fromWaitUrl != null) {
                result = fromWaitUrl;
                waiting = Duration.ZERO;
            }
        }
        long before = elapsed;
        if (!spend(waiting.toMillis())) {
            result = QueueResult.HANGUP;
        }
        Duration waited = Duration.ofSeconds(seconds(elapsed - before));
        steps.add(enqueuedAt, new Step.Enqueued(queue, result, waited));

        Map<String, String> left = new LinkedHashMap<>();
        left.put("QueueResult", result.wireValue());
        left.put("QueueSid", queueSid);
        left.put("QueueTime", Long.toString(waited.toSeconds()));
        if (result.callerGone()) {
            callerGone = true;
            steps.add(new Step.HungUp(By.CALLER));
            if (action != null) {
                requestAfterHangUp(action, method(enqueue), left);
            }
            return END;
        }
        return action == null ? CONTINUE : fetch(action, method(enqueue), left);
    }

    /** Records the waitUrl's prompts; a Leave or Hangup there decides the queue result. */
    private QueueResult holdMusic(Exchange exchange) {
        if (exchange.status() != 200) {
            steps.add(new Step.Failure(exchange.url(), exchange.status(), exchange.status() < 0
                    ? "waitUrl did not answer: " + exchange.error() : "waitUrl answered HTTP " + exchange.status()));
            return null;
        }
        Element response;
        try {
            response = Twiml.parse(exchange.body());
        } catch (Twiml.NotTwiml e) {
            steps.add(new Step.Failure(exchange.url(), 200, "waitUrl: " + e.getMessage()));
            return null;
        }
        for (Element verb : Twiml.children(response)) {
            switch (verb.getTagName()) {
                case "Say" -> steps.add(new Step.Said(Twiml.text(verb), Twiml.attribute(verb, "language"),
                        Twiml.attribute(verb, "voice"), Math.max(0, Twiml.intAttribute(verb, "loop", 1))));
                case "Play" -> steps.add(new Step.Played(Twiml.ownText(verb),
                        Math.max(0, Twiml.intAttribute(verb, "loop", 1)), Twiml.attribute(verb, "digits")));
                case "Pause" -> steps.add(new Step.Paused(Math.max(0, Twiml.intAttribute(verb, "length", 1))));
                case "Leave" -> {
                    return QueueResult.LEAVE;
                }
                case "Hangup" -> {
                    return QueueResult.HANGUP;
                }
                default -> steps.add(new Step.Skipped(verb.getTagName() + " in waitUrl"));
            }
        }
        return null;
    }

    /**
     * The scripted voicemail, then the caller hangs up: the action gets {@code Digits=hangup} (its TwiML is not run,
     * the caller is gone). No voicemail scripted: silence until {@code timeout}; Twilio requests no action for an
     * empty recording and goes on with the next verb.
     */
    private Fetch record(Element record, URI documentUrl) {
        URI action = resolveOr(documentUrl, Twiml.attribute(record, "action"), documentUrl);
        int timeout = Twiml.intAttribute(record, "timeout", Timing.DEFAULT_RECORD_TIMEOUT_SECONDS);
        int maxLength = Twiml.intAttribute(record, "maxLength", 3600);
        Voicemail voicemail = voicemails.poll();
        if (voicemail == null) {
            if (!spend(timeout * 1000L)) {
                return callerHangsUp();
            }
            steps.add(new Step.NoInput("Record", "silence; timed out after " + timeout + " s"));
            return CONTINUE;
        }
        if (!"false".equalsIgnoreCase(Twiml.attribute(record, "playBeep")) && !spend(Timing.BEEP_MILLIS)) {
            return callerHangsUp();
        }
        long before = elapsed;
        spend(Math.min(voicemail.length().toMillis(), maxLength * 1000L));
        Duration length = Duration.ofSeconds(seconds(elapsed - before));
        steps.add(new Step.Recorded(length, voicemail.transcription()));
        steps.add(new Step.HungUp(By.CALLER));
        callerGone = true;

        String recordingSid = simulator.newSid("RE");
        Map<String, String> result = new LinkedHashMap<>();
        result.put("RecordingUrl", recordingUrl(recordingSid));
        result.put("RecordingSid", recordingSid);
        result.put("RecordingDuration", Long.toString(length.toSeconds()));
        result.put("Digits", "hangup");
        requestAfterHangUp(action, method(record), result);

        URI recordingCallback = resolveOr(documentUrl, Twiml.attribute(record, "recordingStatusCallback"), null);
        if (recordingCallback != null) {
            String callbackMethod = methodOf(record, "recordingStatusCallbackMethod");
            Instant startedAt = start.plusMillis(before);
            laterCallbacks.add(() -> recordingCallback(recordingCallback, callbackMethod, recordingSid,
                    length.toMillis(), "RecordVerb", startedAt));
        }
        URI transcribeCallback = resolveOr(documentUrl, Twiml.attribute(record, "transcribeCallback"), null);
        if ("true".equalsIgnoreCase(Twiml.attribute(record, "transcribe")) && transcribeCallback != null) {
            laterCallbacks.add(() -> transcriptionCallback(transcribeCallback, recordingSid, voicemail.transcription()));
        }
        return END;
    }

    private Fetch redirect(Element redirect, URI documentUrl) {
        URI target = resolveOr(documentUrl, Twiml.ownText(redirect), null);
        if (target == null) {
            throw new BadTwiml("<Redirect> without a URL");
        }
        steps.add(new Step.Redirected(target));
        return fetch(target, method(redirect), Map.of());
    }

    /**
     * As the first verb, the call is never answered and ends {@code busy} ({@code reason="busy"}) or {@code
     * no-answer} (the default {@code reason="rejected"}): Twilio documents "busy or no-answer, depending on the
     * reason". Later in a call it just ends the (answered, so completed) call.
     */
    private Fetch reject(Element reject) {
        String reason = Twiml.attribute(reject, "reason") == null ? "rejected" : Twiml.attribute(reject, "reason");
        steps.add(new Step.Rejected(reason));
        if (!answered) {
            rejectedAs = "busy".equals(reason) ? "busy" : "no-answer";
        }
        return END;
    }

    /** The connection (a media stream…) is taken as ended at once: the fallback path after it runs. */
    private Fetch connect(Element connect, URI documentUrl) {
        for (Element noun : Twiml.children(connect)) {
            steps.add(new Step.Connected(noun.getTagName(), Twiml.attribute(noun, "url"), parameters(noun)));
        }
        URI action = resolveOr(documentUrl, Twiml.attribute(connect, "action"), null);
        return action == null ? CONTINUE : fetch(action, method(connect), Map.of());
    }

    // --- requests ----------------------------------------------------------------------------------------------

    private Map<String, String> incomingParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", simulator.accountSid());
        p.put("ApiVersion", CallSimulator.API_VERSION);
        p.put("CallSid", sid);
        p.put("CallStatus", "ringing");
        p.put("Direction", "inbound");
        p.put("From", script.fromNumber());
        p.put("To", script.toNumber());
        p.put("Caller", script.fromNumber());
        p.put("Called", script.toNumber());
        if (script.stirVerstatOrNull() != null) {
            p.put("StirVerstat", script.stirVerstatOrNull());
        }
        if (script.callTokenOrNull() != null) {
            p.put("CallToken", script.callTokenOrNull());
        }
        if (script.sendsLocation()) {
            for (String who : List.of("From", "Caller")) {
                p.put(who + "City", "SAN FRANCISCO");
                p.put(who + "State", "CA");
                p.put(who + "Zip", "94105");
                p.put(who + "Country", "US");
            }
            for (String who : List.of("To", "Called")) {
                p.put(who + "City", "OAKLAND");
                p.put(who + "State", "CA");
                p.put(who + "Zip", "94612");
                p.put(who + "Country", "US");
            }
        }
        p.putAll(script.extraParameters());
        return p;
    }

    /** What every request after the first carries, then the verb's own parameters. */
    private Map<String, String> withCallParameters(Map<String, String> verbParameters) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", simulator.accountSid());
        p.put("ApiVersion", CallSimulator.API_VERSION);
        p.put("CallSid", sid);
        p.put("CallStatus", callerGone ? "completed" : "in-progress");
        p.put("Direction", "inbound");
        p.put("From", script.fromNumber());
        p.put("To", script.toNumber());
        p.put("Caller", script.fromNumber());
        p.put("Called", script.toNumber());
        p.putAll(verbParameters);
        return p;
    }

    private Fetch fetch(URI url, String method, Map<String, String> verbParameters) {
        return new Fetch(url, method, withCallParameters(verbParameters));
    }

    /** Twilio still requests an action after the caller hung up, and runs none of its TwiML. */
    private void requestAfterHangUp(URI url, String method, Map<String, String> verbParameters) {
        documents++;
        Exchange exchange = send(Exchange.Kind.TWIML, method, url, withCallParameters(verbParameters));
        if (exchange.status() != 200) {
            steps.add(new Step.Failure(exchange.url(), exchange.status(), exchange.status() < 0
                    ? "no answer: " + exchange.error() : "HTTP " + exchange.status() + " instead of 200"));
        }
    }

    private void recordingCallback(URI url, String method, String recordingSid, long millis, String source,
                                   Instant startedAt) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", simulator.accountSid());
        p.put("CallSid", sid);
        p.put("RecordingSid", recordingSid);
        p.put("RecordingUrl", recordingUrl(recordingSid));
        p.put("RecordingStatus", "completed");
        p.put("RecordingDuration", Long.toString(seconds(millis)));
        p.put("RecordingChannels", "1");
        p.put("RecordingSource", source);
        p.put("RecordingStartTime", RFC_1123.format(startedAt));
        callback(Exchange.Kind.RECORDING_STATUS_CALLBACK, method, url, p);
    }

    private void transcriptionCallback(URI url, String recordingSid, String text) {
        Map<String, String> verb = new LinkedHashMap<>();
        String transcriptionSid = simulator.newSid("TR");
        verb.put("TranscriptionSid", transcriptionSid);
        verb.put("TranscriptionText", text);
        verb.put("TranscriptionStatus", "completed");
        verb.put("TranscriptionUrl", "https://api.twilio.com/" + CallSimulator.API_VERSION + "/Accounts/"
                + simulator.accountSid() + "/Transcriptions/" + transcriptionSid);
        verb.put("TranscriptionType", "fast");
        verb.put("RecordingSid", recordingSid);
        verb.put("RecordingUrl", recordingUrl(recordingSid));
        callback(Exchange.Kind.TRANSCRIPTION_CALLBACK, "POST", url, withCallParameters(verb));
    }

    /**
     * initiated (0), ringing (1), answered (2, only if answered), completed (last, with {@code CallDuration}),
     * sent in that order after the call (replay them shuffled to test a server against Twilio's real ordering).
     */
    private void sendStatusCallbacks(String finalStatus, Duration duration) {
        URI url = simulator.statusCallback();
        if (url == null) {
            return;
        }
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"initiated", "initiated"});
        events.add(new String[] {"ringing", "ringing"});
        if (answered) {
            events.add(new String[] {"answered", "in-progress"});
        }
        events.add(new String[] {"completed", finalStatus});
        for (int sequence = 0; sequence < events.size(); sequence++) {
            boolean terminal = sequence == events.size() - 1;
            Map<String, String> p = new LinkedHashMap<>();
            p.put("AccountSid", simulator.accountSid());
            p.put("ApiVersion", CallSimulator.API_VERSION);
            p.put("CallSid", sid);
            p.put("CallStatus", events.get(sequence)[1]);
            p.put("Direction", "inbound");
            p.put("From", script.fromNumber());
            p.put("To", script.toNumber());
            p.put("Caller", script.fromNumber());
            p.put("Called", script.toNumber());
            p.put("CallbackSource", "call-progress-events");
            p.put("StatusCallbackEvent", events.get(sequence)[0]);
            p.put("SequenceNumber", Integer.toString(sequence));
            p.put("Timestamp", RFC_1123.format(terminal ? start.plus(duration) : start));
            if (terminal) {
                p.put("CallDuration", Long.toString(seconds(duration.toMillis())));
            }
            callback(Exchange.Kind.STATUS_CALLBACK, "POST", url, p);
        }
    }

    private void callback(Exchange.Kind kind, String method, URI url, Map<String, String> parameters) {
        Exchange exchange = send(kind, method, url, parameters);
        if (!exchange.succeeded()) {
            steps.add(new Step.Failure(exchange.url(), exchange.status(), kind + " " + (exchange.status() < 0
                    ? "not delivered: " + exchange.error() : "refused with HTTP " + exchange.status())));
        }
    }

    private Exchange send(Exchange.Kind kind, String method, URI url, Map<String, String> parameters) {
        Exchange exchange = simulator.send(kind, method, url, parameters, simulator.newSid("").toLowerCase(Locale.ROOT));
        exchanges.add(exchange);
        return exchange;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Advances the clock; false when the caller's scripted hang-up time came first (the clock stops there). */
    private boolean spend(long millis) {
        if (hangUpAtMillis != null && elapsed + millis > hangUpAtMillis) {
            elapsed = Math.max(elapsed, hangUpAtMillis);
            return false;
        }
        elapsed += millis;
        return true;
    }

    private Fetch callerHangsUp() {
        callerGone = true;
        steps.add(new Step.HungUp(By.CALLER));
        return END;
    }

    /** Twilio answers (to say the error) and hangs up. */
    private void applicationError(URI url, int status, String reason) {
        answered = answered || rejectedAs == null;
        steps.add(new Step.Failure(url, status, reason));
        steps.add(new Step.HungUp(By.APPLICATION_ERROR));
    }

    private static URI resolveOr(URI documentUrl, String reference, URI otherwise) {
        if (reference == null || reference.isBlank()) {
            return otherwise;
        }
        try {
            URI resolved = documentUrl.resolve(reference.strip());
            if (!resolved.isAbsolute() || resolved.getHost() == null) {
                throw new BadTwiml("cannot request '" + reference + "'");
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new BadTwiml("'" + reference + "' is not a URL: " + e.getMessage());
        }
    }

    private static String method(Element verb) {
        return methodOf(verb, "method");
    }

    private static String methodOf(Element verb, String attribute) {
        return "GET".equalsIgnoreCase(Twiml.attribute(verb, attribute)) ? "GET" : "POST";
    }

    private static Map<String, String> parameters(Element noun) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Element child : Twiml.children(noun)) {
            if ("Parameter".equals(child.getTagName())) {
                parameters.put(child.getAttribute("name"), child.getAttribute("value"));
            }
        }
        return parameters;
    }

    private String recordingUrl(String recordingSid) {
        return "https://api.twilio.com/" + CallSimulator.API_VERSION + "/Accounts/" + simulator.accountSid()
                + "/Recordings/" + recordingSid;
    }

    /** Whole seconds, rounded up as Twilio bills. */
    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
