package com.voicecore.domain.model.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One thing the call does, in order; a {@link CallScript} is a list of them. */
public sealed interface Instruction {

    /** Speaks to the caller in the given language (a BCP 47 tag) and voice. */
    record Say(String text, String language, String voice) implements Instruction {
        public Say {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * Listens for digits (and speech when {@code speech}) while playing the prompts, then reports to
     * {@code next}. {@code numDigits} 0 means "until # or a pause". With no input at all the
     * script continues with the following instruction.
     */
    record Gather(Step next, Map<String, String> context, int numDigits, int timeoutSeconds, boolean speech,
                  String language, List<Say> prompts) implements Instruction {
        public Gather {
            Objects.requireNonNull(next, "next");
            context = Map.copyOf(context);
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * Rings the targets, showing them the caller's own number (no caller ID override); the caller's
     * number also travels as data to softphones. Reports the outcome to {@code next}.
     */
    record Dial(List<DialTarget> targets, String callerNumber, int timeoutSeconds, boolean record, Step next,
                Map<String, String> context) implements Instruction {
        public Dial {
            targets = List.copyOf(targets);
            Objects.requireNonNull(callerNumber, "callerNumber");
            Objects.requireNonNull(next, "next");
            context = Map.copyOf(context);
        }
    }

    /** Records a message for a department's (and possibly an agent's) mailbox. */
    record RecordVoicemail(UUID departmentId, Optional<UUID> agentId, int maxSeconds) implements Instruction {
        public RecordVoicemail {
            Objects.requireNonNull(departmentId, "departmentId");
            Objects.requireNonNull(agentId, "agentId");
        }
    }

    /** Continues at another step of the call path. */
    record Redirect(Step next, Map<String, String> context) implements Instruction {
        public Redirect {
            Objects.requireNonNull(next, "next");
            context = Map.copyOf(context);
        }
    }

    /**
     * Connects the call's audio to the media stream endpoint ({@code <Connect><Stream>}), passing the
     * parameters (a stream token) as {@code <Parameter>}s. Blocks until the stream closes; the
     * instructions after it are the fallback path.
     */
    record ConnectStream(Map<String, String> parameters) implements Instruction {
        public ConnectStream {
            parameters = Map.copyOf(parameters);
        }
    }

    /** Refuses the call before it is answered: the caller hears busy and is not billed. */
    record Reject() implements Instruction {
    }

    record Hangup() implements Instruction {
    }
}
