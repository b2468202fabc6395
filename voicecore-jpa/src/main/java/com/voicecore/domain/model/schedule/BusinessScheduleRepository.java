package com.voicecore.domain.model.schedule;

import java.util.Optional;
import java.util.UUID;

/** The current tenant's schedules (the tenant comes from the context, never from a parameter). */
public interface BusinessScheduleRepository {

    /** The tenant's default calendar: the schedule without a department. */
    Optional<BusinessCalendar> tenantCalendar();

    /** The department's own calendar; empty when it follows the tenant's (see {@link BusinessCalendar#forDepartment}). */
    Optional<BusinessCalendar> departmentCalendar(UUID departmentId);

    /** The tenant's default schedule itself, to change it (e.g. declare an emergency). */
    Optional<BusinessSchedule> tenantSchedule();

    /** A department's own schedule itself, to change it. */
    Optional<BusinessSchedule> departmentSchedule(UUID departmentId);
}
