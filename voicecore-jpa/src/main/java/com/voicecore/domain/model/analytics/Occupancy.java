package com.voicecore.domain.model.analytics;

/** Handle time against available idle time: occupancy = handle ÷ (handle + idle) × 100, null with neither. */
public record Occupancy(long handleSeconds, double availableIdleSeconds) {

    public static final Occupancy NONE = new Occupancy(0, 0);

    public Double percent() {
        double base = handleSeconds + availableIdleSeconds;
        return base == 0 ? null : 100.0 * handleSeconds / base;
    }

    public Occupancy plus(Occupancy other) {
        return new Occupancy(handleSeconds + other.handleSeconds, availableIdleSeconds + other.availableIdleSeconds);
    }
}
