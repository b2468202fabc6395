package com.voicecore.domain.model.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Twilio status callback said. Twilio may deliver these twice and in any order; the call
 * folds them so that the final state depends only on which reports arrived, never on their order.
 */
public record CallStatusReport(CallStatus status, int sequenceNumber, Instant occurredAt, Optional<Integer> durationSeconds) {

    public CallStatusReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("Twilio sequence numbers start at 0");
        }
        if (durationSeconds.isPresent() && durationSeconds.get() < 0) {
            throw new IllegalArgumentException("A call cannot last a negative time");
        }
    }

    /**
     * Whether this report outranks the one the call currently shows: an end beats any progress,
     * and among reports of the same kind the later sequence number wins.
     */
    boolean outranks(CallStatus current, Integer currentSequence) {
        if (status.isTerminal() != current.isTerminal()) {
            return status.isTerminal();
        }
        return currentSequence == null || sequenceNumber > currentSequence;
    }
}
