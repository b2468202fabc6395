package com.voicecore.application;

import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Business hours of the current tenant and its departments: the weekly hours in a time zone, holidays,
 * the emergency override, and what applies now. A department without hours of its own follows the
 * tenant's.
 */
public interface ScheduleService {

    /** One opening interval of a weekday, {@code [opens, closes)} local time. */
    record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) implements Serializable {
    }

    record HolidayView(UUID id, LocalDate date, String name) implements Serializable {
    }

    /**
     * A schedule as an admin sees it. {@code own}: false for a department that follows the tenant's
     * hours (the tenant's are then shown, and its holidays cannot be changed from the department).
     */
    record ScheduleView(Optional<UUID> departmentId, boolean own, String timeZone, List<Opening> week, List<HolidayView> holidays,
                        Optional<EmergencyMode> emergency) implements Serializable {
    }

    /** The tenant's schedule (no department) or the one a department follows. */
    ScheduleView schedule(Optional<UUID> departmentId);

    /**
     * Sets the weekly hours and time zone of the tenant, or of a department (which then has hours of its
     * own). Refused: an unknown zone, an interval that does not close after it opens, two that overlap.
     */
    ScheduleView replaceWeek(Optional<UUID> departmentId, String timeZone, List<Opening> week);

    /** The department drops its own hours and holidays and follows the tenant's again. */
    void followTenantHours(UUID departmentId);

    /** A day the schedule is closed; refused when the schedule has a holiday on that date already. */
    ScheduleView addHoliday(Optional<UUID> departmentId, LocalDate date, String name);

    void removeHoliday(UUID holidayId);

    /** Forces the tenant (or one department with its own schedule) open or closed; empty clears it. */
    OpeningState declareEmergency(Optional<UUID> departmentId, Optional<EmergencyMode> mode);

    OpeningState stateNow(Optional<UUID> departmentId);
}
