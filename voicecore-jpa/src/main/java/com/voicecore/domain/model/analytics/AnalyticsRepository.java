package com.voicecore.domain.model.analytics;

import java.time.Instant;

/** Computes the current tenant's analytics report in the database. */
public interface AnalyticsRepository {

    /**
     * The report over {@code period} for {@code scope}; presence intervals still open count until
     * {@code now}. The scope's ids must be the tenant's (the caller checks): another tenant's id simply
     * matches nothing here.
     */
    AnalyticsReport report(ReportPeriod period, MetricThresholds thresholds, ReportScope scope, Instant now);
}
