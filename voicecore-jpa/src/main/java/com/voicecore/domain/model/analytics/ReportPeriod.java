package com.voicecore.domain.model.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The instants {@code [start, end)} a report covers, and the time zone its days and hours are read in.
 * Built from local dates (both inclusive) for the dashboards, or from instants for the older agent
 * metrics; at most 366 days either way.
 */
public record ReportPeriod(Instant start, Instant end, ZoneId zone) {

    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public ReportPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("The period must start before it ends");
        }
        // 25 hours of slack: 366 local days may span one more hour when the clocks go back
        if (Duration.between(start, end).compareTo(MAX_LENGTH.plusHours(1)) > 0) {
            throw new IllegalArgumentException("A period covers at most 366 days");
        }
    }

    /** The local dates {@code from} to {@code to}, both inclusive, in {@code zone}. */
    public static ReportPeriod ofDates(LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' must not lie after 'to'");
        }
        if (from.plusDays(366).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("A period covers at most 366 days");
        }
        return new ReportPeriod(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    public LocalDate firstDay() {
        return start.atZone(zone).toLocalDate();
    }

    /** The local date of the period's last instant. */
    public LocalDate lastDay() {
        return end.minusNanos(1).atZone(zone).toLocalDate();
    }

    /** Every local date the period touches, in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = firstDay(); !d.isAfter(lastDay()); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
