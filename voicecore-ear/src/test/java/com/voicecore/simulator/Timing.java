package com.voicecore.simulator;

/**
 * How long each verb takes on the simulated clock. A model, not a measurement: it only has to be predictable
 * (tests can compute an expected {@code CallDuration}) and roughly realistic (a spoken prompt takes seconds,
 * an unanswered Dial its timeout).
 */
final class Timing {

    /** About 150 spoken words a minute. */
    static final long MILLIS_PER_WORD = 400;
    static final long MIN_SAY_MILLIS = 1_000;
    /** The simulator does not fetch audio, so every {@code <Play>} lasts this long. */
    static final long PLAY_MILLIS = 5_000;
    static final long MILLIS_PER_KEY = 500;
    /** Silence after speech before Twilio's end-of-speech detection fires. */
    static final long END_OF_SPEECH_MILLIS = 1_000;
    static final int DEFAULT_GATHER_TIMEOUT_SECONDS = 5;
    static final long RING_BEFORE_ANSWER_MILLIS = 5_000;
    static final int DEFAULT_DIAL_TIMEOUT_SECONDS = 30;
    static final long BUSY_MILLIS = 3_000;
    static final long FAILED_MILLIS = 1_000;
    static final long BEEP_MILLIS = 1_000;
    static final int DEFAULT_RECORD_TIMEOUT_SECONDS = 5;
    static final long DEFAULT_QUEUE_WAIT_SECONDS = 30;

    private Timing() {
    }

    static long say(String text) {
        String trimmed = text.strip();
        long words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        return Math.max(MIN_SAY_MILLIS, words * MILLIS_PER_WORD);
    }

    static long speech(String text) {
        return text.strip().split("\\s+").length * MILLIS_PER_WORD + END_OF_SPEECH_MILLIS;
    }
}
