package com.voicecore.domain.model.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's analytics over a period: the totals, one row per local day and per hour of the day, per
 * department and per agent. Computed at {@code generatedAt} (open presence intervals count until then).
 */
public record AnalyticsReport(ReportPeriod period, MetricThresholds thresholds, ReportScope scope, Instant generatedAt,
                              CallFigures totals, Occupancy occupancy, List<Day> days, List<Hour> hours,
                              List<DepartmentRow> departments, List<AgentFigures> agents) {

    public AnalyticsReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(occupancy, "occupancy");
        days = List.copyOf(days);
        hours = List.copyOf(hours);
        departments = List.copyOf(departments);
        agents = List.copyOf(agents);
    }

    /** One local date of the period. */
    public record Day(LocalDate date, CallFigures figures) {
    }

    /** One hour of the day (0–23, local wall clock), summed over the period's days. */
    public record Hour(int hour, CallFigures figures) {
    }

    /** One department: its calls, and the occupancy of its agents. */
    public record DepartmentRow(UUID departmentId, String name, CallFigures figures, Occupancy occupancy) {
    }
}
