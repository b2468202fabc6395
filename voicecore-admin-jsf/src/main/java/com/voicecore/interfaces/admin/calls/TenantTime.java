package com.voicecore.interfaces.admin.calls;

import com.voicecore.application.CallLogService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Dates and times as the tenant lives them: in its time zone ({@link CallLogService#zone}, the rule
 * analytics uses), with the zone named on the page, so "the calls of the 15th" means the company's 15th.
 * Read once per request, so every time on a page agrees.
 */
@Named
@RequestScoped
public class TenantTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    CallLogService log;

    private ZoneId zone;

    public TenantTime() {
    }

    TenantTime(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        if (zone == null) {
            zone = log.zone();
        }
        return zone;
    }

    /** An instant as the tenant's local date and time (empty for none). */
    public String format(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(zone()));
    }

    /** The zone's name as shown next to dates and times, e.g. America/Los_Angeles. */
    public String name() {
        return zone().getId();
    }

    /** The first instant of that local day. */
    Optional<Instant> startOf(LocalDate day) {
        return Optional.ofNullable(day).map(d -> d.atStartOfDay(zone()).toInstant());
    }

    /** The first instant after that local day (a search's exclusive end). */
    Optional<Instant> endOf(LocalDate day) {
        return Optional.ofNullable(day).map(d -> d.plusDays(1).atStartOfDay(zone()).toInstant());
    }
}
