package com.voicecore.domain.model.analytics;

/**
 * The call figures of one bucket (the period, a day, an hour of the day, a department): counts and exact
 * sums, from which the rates are derived. A rate whose denominator is 0 is {@code null}. Definitions in
 * docs/analytics.md.
 */
public record CallFigures(long calls, long spamBlocked, long answered, long voicemail,
                          long queued, long queueAnswered, long abandoned, long shortAbandoned, long queueVoicemail,
                          long answeredWithinThreshold, double waitSeconds,
                          long handled, long talkSeconds, long wrapUpSeconds,
                          long offers, long missedOffers,
                          long reachedReceptionist, long contained) {

    public static final CallFigures NONE = new CallFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long handleSeconds() {
        return talkSeconds + wrapUpSeconds;
    }

    /** ASA: mean queue wait of the calls an agent answered. */
    public Double averageSpeedOfAnswerSeconds() {
        return queueAnswered == 0 ? null : waitSeconds / queueAnswered;
    }

    /** Answered within X ÷ (answered + abandoned − short abandons) × 100. */
    public Double serviceLevelPercent() {
        long base = queueAnswered + abandoned - shortAbandoned;
        return base == 0 ? null : 100.0 * answeredWithinThreshold / base;
    }

    public Double abandonmentRatePercent() {
        return queued == 0 ? null : 100.0 * abandoned / queued;
    }

    /** AHT: (talk + wrap-up) per handled call. */
    public Double averageHandleSeconds() {
        return handled == 0 ? null : (double) handleSeconds() / handled;
    }

    public Double containmentPercent() {
        return reachedReceptionist == 0 ? null : 100.0 * contained / reachedReceptionist;
    }
}
