package com.voicecore.application;

import com.voicecore.domain.model.analytics.AnalyticsReport;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's analytics (docs/analytics.md): the single place the contact-center metrics are computed,
 * for the console's dashboards, the REST API and its CSV exports, and the older agent metrics.
 */
public interface AnalyticsService {

    /**
     * The report over the query's local dates in the tenant's time zone. Unknown (or another tenant's)
     * department and agent ids: {@code UnknownEntityException}; bad dates or thresholds:
     * {@code InvalidValueException}.
     */
    AnalyticsReport report(@NotNull(message = "A query is required") AnalyticsQuery query);

    /** The report over the instants {@code [from, until)} (days and hours still in the tenant's zone). */
    AnalyticsReport between(@NotNull(message = "'from' is required") Instant from,
                            @NotNull(message = "'until' is required") Instant until, Optional<UUID> departmentId);
}
