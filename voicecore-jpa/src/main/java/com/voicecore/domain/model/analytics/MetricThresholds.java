package com.voicecore.domain.model.analytics;

/**
 * The service-level threshold X (a queue call answered after at most X seconds counts as within it) and
 * the short-abandon cutoff (a queue abandon after less than this many seconds is not held against the
 * service level).
 */
public record MetricThresholds(int serviceLevelSeconds, int shortAbandonSeconds) {

    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
    public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;

    public static final MetricThresholds DEFAULTS =
            new MetricThresholds(DEFAULT_SERVICE_LEVEL_SECONDS, DEFAULT_SHORT_ABANDON_SECONDS);

    public MetricThresholds {
        if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600) {
            throw new IllegalArgumentException("The service-level threshold lies between 1 and 3600 seconds");
        }
        if (shortAbandonSeconds < 0 || shortAbandonSeconds > 600) {
            throw new IllegalArgumentException("The short-abandon cutoff lies between 0 and 600 seconds");
        }
    }
}
