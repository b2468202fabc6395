package com.voicecore.domain.model.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How a queue orders its callers: a caller's priority is its base priority (a repeat caller starts
 * higher), plus a bonus for VIP callers, plus one point for every {@code agingSeconds} waited, so a
 * caller who has waited long enough overtakes anyone who arrived later. Ties go to the longest wait.
 *
 * @param vipBonus            points a VIP caller starts with
 * @param repeatCallerBonus   points a caller who called often recently starts with
 * @param agingSeconds        seconds of waiting worth one point (FreeSWITCH ages one point per second)
 */
public record QueuePolicy(int vipBonus, int repeatCallerBonus, int agingSeconds) {

    public static final QueuePolicy DEFAULT = new QueuePolicy(10, 5, 30);

    public QueuePolicy {
        if (vipBonus < 0 || vipBonus > 1000 || repeatCallerBonus < 0 || repeatCallerBonus > 1000) {
            throw new IllegalArgumentException("Priority bonuses lie between 0 and 1000");
        }
        if (agingSeconds < 1) {
            throw new IllegalArgumentException("At least one second of waiting is worth a point");
        }
    }

    /** The base priority a new caller gets. */
    public int basePriority(boolean repeatCaller) {
        return repeatCaller ? repeatCallerBonus : 0;
    }

    /** A caller's priority at {@code now}: base, VIP bonus, and the points the wait has earned. */
    public long priority(int basePriority, boolean vip, Instant enqueuedAt, Instant now) {
        long waited = Math.max(0, Duration.between(enqueuedAt, now).getSeconds());
        return basePriority + (vip ? vipBonus : 0) + waited / agingSeconds;
    }
}
