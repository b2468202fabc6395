package com.voicecore.application.internal;

import com.voicecore.application.AnalyticsQuery;
import com.voicecore.application.AnalyticsService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.AnalyticsRepository;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the tenant's time zone, checks that the ids asked for are the tenant's, and lets the
 * database compute the report (JpaAnalyticsRepository); a read-only transaction under the tenant's RLS.
 */
@Stateless
public class DefaultAnalyticsService implements AnalyticsService {

    static final int DEFAULT_DAYS = 7;

    @Inject
    AnalyticsRepository analytics;

    @Inject
    BusinessScheduleRepository schedules;

    @Inject
    DepartmentRepository departments;

    @Inject
    AgentRepository agents;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "voicecore.analytics.service-level-seconds", defaultValue = "20")
    int serviceLevelSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.analytics.short-abandon-seconds", defaultValue = "5")
    int shortAbandonSeconds;

    @Override
    public AnalyticsReport report(AnalyticsQuery query) {
        ZoneId zone = zone();
        // a missing end is a week after the start (or today); a missing start a week before the end
        LocalDate to = query.to().orElseGet(() -> query.from().map(f -> f.plusDays(DEFAULT_DAYS - 1))
                .orElseGet(() -> LocalDate.now(clock.withZone(zone))));
        LocalDate from = query.from().orElseGet(() -> to.minusDays(DEFAULT_DAYS - 1));
        ReportPeriod period;
        try {
            period = ReportPeriod.ofDates(from, to, zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(from.isAfter(to) ? "from" : "to", e.getMessage());
        }
        ReportScope scope = new ReportScope(query.departmentId().map(this::department), query.agentId().map(this::agent));
        return analytics.report(period, thresholds(query.serviceLevelSeconds()), scope, clock.instant());
    }

    @Override
    public AnalyticsReport between(Instant from, Instant until, Optional<UUID> departmentId) {
        ReportPeriod period;
        try {
            period = new ReportPeriod(from, until, zone());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(from.isBefore(until) ? "until" : "from", e.getMessage());
        }
        ReportScope scope = new ReportScope(departmentId.map(this::department), Optional.empty());
        return analytics.report(period, thresholds(Optional.empty()), scope, clock.instant());
    }

    private MetricThresholds thresholds(Optional<Integer> serviceLevel) {
        try {
            return new MetricThresholds(serviceLevel.orElse(serviceLevelSeconds), shortAbandonSeconds);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("serviceLevelSeconds", e.getMessage());
        }
    }

    private ZoneId zone() {
        return schedules.tenantZone();
    }

    private UUID department(UUID id) {
        return departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id)).id();
    }

    private UUID agent(UUID id) {
        return agents.find(id).orElseThrow(() -> new UnknownEntityException("agent", id)).id();
    }
}
