package com.voicecore.domain.model.queue;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a queue at one instant: higher priority first, then the longest wait, then the id
 * (so the order is total and every node computes the same one). The repository's dequeue query
 * computes the same order in SQL; a property test holds the two together.
 */
public final class QueueOrder {

    private QueueOrder() {
    }

    public static Comparator<QueueEntry> at(Instant now, QueuePolicy policy) {
        return Comparator.<QueueEntry>comparingLong(e -> -e.priority(now, policy))
                .thenComparing(QueueEntry::enqueuedAt)
                .thenComparing(e -> e.id().toString()); // PostgreSQL's uuid order (unsigned bytes), not UUID.compareTo's signed one
    }
}
