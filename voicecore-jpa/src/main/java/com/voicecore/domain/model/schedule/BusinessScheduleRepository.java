package com.voicecore.domain.model.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's schedules (the tenant comes from the context, never from a parameter). */
public interface BusinessScheduleRepository {

    /** The tenant's default calendar: the schedule without a department. */
    Optional<BusinessCalendar> tenantCalendar();

    /**
     * The tenant's time zone, the one rule for every date a tenant sees (analytics periods, call log
     * days and times, docs/analytics.md): that of its schedule without a department; UTC if it has none.
     */
    default ZoneId tenantZone() {
        return tenantCalendar().map(BusinessCalendar::zone).orElse(ZoneOffset.UTC);
    }

    /** The department's own calendar; empty when it follows the tenant's (see {@link BusinessCalendar#forDepartment}). */
    Optional<BusinessCalendar> departmentCalendar(UUID departmentId);

    /** The tenant's default schedule itself, to change it (e.g. declare an emergency). */
    Optional<BusinessSchedule> tenantSchedule();

    /** A department's own schedule itself, to change it. */
    Optional<BusinessSchedule> departmentSchedule(UUID departmentId);

    /** The schedule's weekly hours, by day and opening time. */
    java.util.List<BusinessHours> hoursOf(BusinessSchedule schedule);

    /** The schedule's holidays, by date. */
    java.util.List<Holiday> holidaysOf(BusinessSchedule schedule);

    /** A new schedule (a department's own hours). */
    void add(BusinessSchedule schedule);

    /** Removes a department's own schedule with its hours and holidays: the department follows the tenant's again. */
    void remove(BusinessSchedule schedule);

    /** The schedule's weekly hours become exactly these. */
    void replaceHours(BusinessSchedule schedule, java.util.Collection<BusinessHours> hours);

    void add(Holiday holiday);

    Optional<Holiday> holiday(UUID id);

    void remove(Holiday holiday);
}
