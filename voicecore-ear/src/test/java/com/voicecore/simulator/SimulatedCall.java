package com.voicecore.simulator;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The record of one simulated call: what happened (the transcript) and every HTTP exchange it took. */
public final class SimulatedCall {

    private final String sid;
    private final String from;
    private final String to;
    private final List<Step> transcript;
    private final List<Exchange> requests;
    private final String finalStatus;
    private final Duration duration;
    private final boolean answered;

    SimulatedCall(String sid, String from, String to, List<Step> transcript, List<Exchange> requests,
                  String finalStatus, Duration duration, boolean answered) {
        this.sid = sid;
        this.from = from;
        this.to = to;
        this.transcript = List.copyOf(transcript);
        this.requests = List.copyOf(requests);
        this.finalStatus = finalStatus;
        this.duration = duration;
        this.answered = answered;
    }

    public String sid() {
        return sid;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public List<Step> transcript() {
        return transcript;
    }

    /** Every request made as Twilio, in order: TwiML fetches and callbacks. */
    public List<Exchange> requests() {
        return requests;
    }

    public List<Exchange> requests(Exchange.Kind kind) {
        return requests.stream().filter(e -> e.kind() == kind).collect(Collectors.toList());
    }

    public List<Exchange> statusCallbacks() {
        return requests(Exchange.Kind.STATUS_CALLBACK);
    }

    /** The terminal CallStatus: {@code completed} once answered, {@code busy} or {@code no-answer} when rejected. */
    public String finalStatus() {
        return finalStatus;
    }

    /** Simulated time from answer to hang-up, the basis of {@code CallDuration}. */
    public Duration duration() {
        return duration;
    }

    public boolean answered() {
        return answered;
    }

    /** Requests refused or failed, TwiML Twilio could not run: a healthy server leaves this empty. */
    public List<Step.Failure> failures() {
        return steps(Step.Failure.class);
    }

    public <T extends Step> List<T> steps(Class<T> type) {
        return transcript.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** The texts of every {@code <Say>}, in order. */
    public List<String> said() {
        return steps(Step.Said.class).stream().map(Step.Said::text).collect(Collectors.toList());
    }

    /** The transcript as lines, "VoiceCore: …" / "Caller: …". */
    public String transcriptText() {
        return transcript.stream().map(Step::line).collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String toString() {
        return "Call " + sid + " " + from + " -> " + to + " (" + finalStatus + ", " + duration.toSeconds() + " s)"
                + System.lineSeparator() + transcriptText();
    }
}
