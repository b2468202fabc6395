package com.voicecore.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's side of a simulated call: who calls whom, and what the caller does at each {@code <Gather>},
 * {@code <Dial>}, {@code <Record>} and {@code <Enqueue>}, in order. A script is only read by {@link
 * CallSimulator#call}, so one script can be played several times.
 *
 * <p>What happens when the script runs out: a {@code <Gather>} hears nothing (Twilio falls through to the next
 * verb), a {@code <Dial>} is not answered, a {@code <Record>} records nothing, an {@code <Enqueue>}d caller
 * hangs up after 30 s.
 */
public final class CallScript {

    /** One answer to one {@code <Gather>}: keys pressed, words spoken, or nothing. */
    record Answer(Kind kind, String text, double confidence) {
        enum Kind { DIGITS, SPEECH, SILENCE }
    }

    record DialScript(DialOutcome outcome, Duration talk) {
    }

    record Voicemail(Duration length, String transcription) {
    }

    record QueueScript(QueueResult result, Duration waited) {
    }

    static final double DEFAULT_CONFIDENCE = 0.92;

    private final String from;
    private String to;
    private String stirVerstat;
    private String callToken;
    private boolean location = true;
    private final Map<String, String> extraParameters = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<DialScript> dials = new ArrayList<>();
    private final List<Voicemail> voicemails = new ArrayList<>();
    private final List<QueueScript> queues = new ArrayList<>();
    private Duration hangUpAfter;
    private StreamHandler streamHandler;

    /**
     * Plays the far end of a {@code <Connect><Stream>}: called with the call SID, the stream URL and its
     * parameters, it returns when the stream is over (the TwiML after {@code </Connect>} then runs).
     */
    @FunctionalInterface
    public interface StreamHandler {
        void stream(String callSid, String url, Map<String, String> parameters);
    }

    private CallScript(String from) {
        this.from = requireText(from, "from");
    }

    /** The caller's number as Twilio would send it: E.164, or a withheld value such as {@code anonymous}. */
    public static CallScript from(String from) {
        return new CallScript(from);
    }

    /** The VoiceCore number that is called. */
    public CallScript to(String to) {
        this.to = requireText(to, "to");
        return this;
    }

    /** STIR/SHAKEN result, e.g. {@code TN-Validation-Passed-A}; absent unless set (Twilio sends it for US calls only). */
    public CallScript stirVerstat(String stirVerstat) {
        this.stirVerstat = requireText(stirVerstat, "stirVerstat");
        return this;
    }

    public CallScript callToken(String callToken) {
        this.callToken = requireText(callToken, "callToken");
        return this;
    }

    /**
     * Leaves out the caller/called location fields ({@code FromCity}, {@code CallerZip}, …). They are sent by
     * default because Twilio sends them and the server is expected to drop them.
     */
    public CallScript withoutLocation() {
        this.location = false;
        return this;
    }

    /** Any further incoming-call parameter, e.g. {@code ForwardedFrom} or {@code CallerName}. */
    public CallScript param(String name, String value) {
        extraParameters.put(requireText(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Keys pressed at the next {@code <Gather>}s, one string per Gather, e.g. {@code "123#"}. */
    public CallScript pressDigits(String... keysPerGather) {
        for (String keys : keysPerGather) {
            if (!requireText(keys, "digits").matches("[0-9*#]+")) {
                throw new IllegalArgumentException("Keys are 0-9, * and #: " + keys);
            }
            answers.add(new Answer(Answer.Kind.DIGITS, keys, 0));
        }
        return this;
    }

    /** Words spoken at the next {@code <Gather>} (sent as {@code SpeechResult} with a confidence of 0.92). */
    public CallScript say(String speech) {
        return say(speech, DEFAULT_CONFIDENCE);
    }

    public CallScript say(String speech, double confidence) {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("Confidence is between 0 and 1: " + confidence);
        }
        answers.add(new Answer(Answer.Kind.SPEECH, requireText(speech, "speech"), confidence));
        return this;
    }

    /** The caller gives the next {@code <Gather>} nothing (it times out). */
    public CallScript staySilent() {
        answers.add(new Answer(Answer.Kind.SILENCE, "", 0));
        return this;
    }

    /** What the next {@code <Dial>} leads to; {@code talk} counts only when answered. */
    public CallScript whenDialed(DialOutcome outcome, Duration talk) {
        dials.add(new DialScript(Objects.requireNonNull(outcome, "outcome"), requireNonNegative(talk, "talk")));
        return this;
    }

    public CallScript whenDialed(DialOutcome outcome) {
        return whenDialed(outcome, Duration.ZERO);
    }

    /** At the next {@code <Record>} the caller speaks for {@code length}, then hangs up ({@code Digits=hangup}). */
    public CallScript leaveVoicemail(Duration length, String transcription) {
        if (requireNonNegative(length, "length").isZero()) {
            throw new IllegalArgumentException("A voicemail lasts at least a second");
        }
        voicemails.add(new Voicemail(length, Objects.requireNonNull(transcription, "transcription")));
        return this;
    }

    /** How the next {@code <Enqueue>} ends for the caller, after waiting {@code waited}. */
    public CallScript whenEnqueued(QueueResult result, Duration waited) {
        queues.add(new QueueScript(Objects.requireNonNull(result, "result"), requireNonNegative(waited, "waited")));
        return this;
    }

    /** The caller hangs up once the call has lasted this long (simulated time), whatever is going on. */
    /** What happens on a media stream; without it the stream is taken as ended at once. */
    public CallScript whenStreamed(StreamHandler handler) {
        this.streamHandler = java.util.Objects.requireNonNull(handler, "handler");
        return this;
    }

    StreamHandler streamHandlerOrNull() {
        return streamHandler;
    }

    public CallScript hangUpAfter(Duration after) {
        this.hangUpAfter = requireNonNegative(after, "after");
        return this;
    }

    String fromNumber() {
        return from;
    }

    String toNumber() {
        if (to == null) {
            throw new IllegalStateException("The script has no number to call: add .to(\"+1…\")");
        }
        return to;
    }

    String stirVerstatOrNull() {
        return stirVerstat;
    }

    String callTokenOrNull() {
        return callToken;
    }

    boolean sendsLocation() {
        return location;
    }

    Map<String, String> extraParameters() {
        return Map.copyOf(extraParameters);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<DialScript> dials() {
        return List.copyOf(dials);
    }

    List<Voicemail> voicemails() {
        return List.copyOf(voicemails);
    }

    List<QueueScript> queues() {
        return List.copyOf(queues);
    }

    Duration hangUpAfterOrNull() {
        return hangUpAfter;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration requireNonNegative(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
