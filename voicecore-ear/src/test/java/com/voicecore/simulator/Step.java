package com.voicecore.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One thing that happened on the simulated call, in order: what VoiceCore said or did, what the caller did.
 * Tests compare steps by value ({@code assertEquals(new Step.Pressed("123"), …)}); {@link #line()} is the
 * human-readable form the command line prints.
 */
public sealed interface Step {

    /** "VoiceCore: …", "Caller: …" or "Twilio: …". */
    String line();

    /** {@code <Say>}: text with whitespace collapsed, attributes as given (null when absent); loop 0 = until hang-up. */
    record Said(String text, String language, String voice, int loop) implements Step {
        public Said(String text, String language, String voice) {
            this(text, language, voice, 1);
        }

        @Override
        public String line() {
            String how = Stream.of(language, voice).filter(Objects::nonNull).collect(Collectors.joining(", "));
            return "VoiceCore: \"" + text + "\"" + (how.isEmpty() ? "" : " [" + how + "]") + times(loop);
        }
    }

    record Played(String url, int loop, String digits) implements Step {
        @Override
        public String line() {
            return url.isEmpty() ? "VoiceCore: plays DTMF " + digits : "VoiceCore: plays " + url + times(loop);
        }
    }

    record Paused(int seconds) implements Step {
        @Override
        public String line() {
            return "VoiceCore: (pause " + seconds + " s)";
        }
    }

    /** The keys a {@code <Gather>} collected (finish key and keys past numDigits excluded). */
    record Pressed(String digits) implements Step {
        @Override
        public String line() {
            return "Caller:    presses " + String.join(" ", digits.split(""));
        }
    }

    record Spoke(String speech, double confidence) implements Step {
        @Override
        public String line() {
            return "Caller:    says \"" + speech + "\"";
        }
    }

    /** A {@code <Gather>} or {@code <Record>} that got nothing from the caller. */
    record NoInput(String verb, String why) implements Step {
        @Override
        public String line() {
            return "Caller:    (nothing at <" + verb + ">: " + why + ")";
        }
    }

    /** One {@code <Dial>} noun: NUMBER, CLIENT, SIP, QUEUE or CONFERENCE, with its {@code <Parameter>}s. */
    record DialTarget(Kind kind, String address, Map<String, String> parameters) {
        public enum Kind { NUMBER, CLIENT, SIP, QUEUE, CONFERENCE }

        public DialTarget {
            parameters = Map.copyOf(parameters);
        }

        public static DialTarget number(String number) {
            return new DialTarget(Kind.NUMBER, number, Map.of());
        }

        @Override
        public String toString() {
            return (kind == Kind.NUMBER ? "" : kind.name().toLowerCase(Locale.ROOT) + ":") + address
                    + (parameters.isEmpty() ? "" : " " + parameters);
        }
    }

    record Dialed(List<DialTarget> targets, String callerId, DialOutcome outcome, Duration talk, boolean recorded)
            implements Step {
        public Dialed {
            targets = List.copyOf(targets);
        }

        @Override
        public String line() {
            return "VoiceCore: dials " + targets.stream().map(DialTarget::toString).collect(Collectors.joining(", "))
                    + (callerId == null ? "" : " (caller ID " + callerId + ")") + (recorded ? " [recorded]" : "")
                    + " -> " + outcome.dialCallStatus() + (outcome.answered() ? ", talked " + talk.toSeconds() + " s" : "");
        }
    }

    /** A voicemail left at {@code <Record>}. */
    record Recorded(Duration length, String transcription) implements Step {
        @Override
        public String line() {
            return "Caller:    leaves a " + length.toSeconds() + " s message \"" + transcription + "\"";
        }
    }

    record Enqueued(String queue, QueueResult result, Duration waited) implements Step {
        @Override
        public String line() {
            return "VoiceCore: queues the call in '" + queue + "' -> " + result.wireValue() + " after " + waited.toSeconds() + " s";
        }
    }

    record Redirected(URI url) implements Step {
        @Override
        public String line() {
            return "VoiceCore: redirects to " + url;
        }
    }

    record Rejected(String reason) implements Step {
        @Override
        public String line() {
            return "VoiceCore: rejects the call (" + reason + ")";
        }
    }

    /** {@code <Connect>}: kind is the noun ({@code Stream}, …); the simulator treats it as ended at once. */
    record Connected(String kind, String url, Map<String, String> parameters) implements Step {
        public Connected {
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String line() {
            return "VoiceCore: connects a " + kind + " " + (url == null ? "" : url) + (parameters.isEmpty() ? "" : " " + parameters)
                    + " (ended at once)";
        }
    }

    record HungUp(By by) implements Step {
        public enum By { CALLER, HANGUP_VERB, END_OF_TWIML, APPLICATION_ERROR }

        @Override
        public String line() {
            return switch (by) {
                case CALLER -> "Caller:    hangs up";
                case HANGUP_VERB -> "VoiceCore: hangs up";
                case END_OF_TWIML -> "VoiceCore: (no more TwiML: the call ends)";
                case APPLICATION_ERROR -> "Twilio:    \"We are sorry, an application error has occurred. Goodbye.\"";
            };
        }
    }

    /** Valid TwiML the simulator does not play ({@code <Start>}, {@code <Pay>}, …): noted, then skipped. */
    record Skipped(String verb) implements Step {
        @Override
        public String line() {
            return "VoiceCore: <" + verb + "> (not simulated, skipped)";
        }
    }

    /** Something Twilio would log as an error: a refused or failed request, or TwiML it cannot run. */
    record Failure(URI url, int status, String reason) implements Step {
        @Override
        public String line() {
            return "FAILURE:   " + reason + (url == null ? "" : " (" + url + (status > 0 ? ", HTTP " + status : "") + ")");
        }
    }

    private static String times(int loop) {
        return loop == 1 ? "" : loop == 0 ? " (repeated until hang-up)" : " (x" + loop + ")";
    }
}
