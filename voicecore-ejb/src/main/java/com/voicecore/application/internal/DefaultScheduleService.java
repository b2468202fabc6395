package com.voicecore.application.internal;

import com.voicecore.application.ScheduleService;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.schedule.BusinessHours;
import com.voicecore.domain.model.schedule.BusinessSchedule;
import com.voicecore.domain.model.schedule.Holiday;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultScheduleService implements ScheduleService {

    @Inject
    BusinessScheduleRepository schedules;

    @Inject
    DepartmentRepository departments;

    @Inject
    CallRouter router;

    @Inject
    Clock clock;

    @Override
    public OpeningState declareEmergency(Optional<UUID> departmentId, Optional<EmergencyMode> mode) {
        BusinessSchedule schedule = departmentId
                .map(id -> {
                    departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id));
                    return schedules.departmentSchedule(id).orElseThrow(() -> new InvalidValueException("departmentId",
                            "This department follows the tenant's hours; declare the emergency for the tenant"));
                })
                .orElseGet(() -> schedules.tenantSchedule().orElseThrow(() ->
                        new InvalidValueException("departmentId", "The tenant has no business hours")));
        mode.ifPresentOrElse(schedule::declareEmergency, schedule::clearEmergency);
        return stateNow(departmentId);
    }

    @Override
    public ScheduleView schedule(Optional<UUID> departmentId) {
        departmentId.ifPresent(this::department);
        Optional<BusinessSchedule> own = departmentId.flatMap(schedules::departmentSchedule);
        return view(departmentId, own.isPresent(), own.or(schedules::tenantSchedule).orElseThrow(() ->
                new InvalidValueException("departmentId", "The tenant has no business hours")));
    }

    @Override
    public ScheduleView replaceWeek(Optional<UUID> departmentId, String timeZone, List<Opening> week) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("timeZone", "'" + timeZone + "' is not a time zone; use a name like Europe/Berlin");
        }
        BusinessSchedule schedule = departmentId.map(this::ownScheduleOf).orElseGet(() -> schedules.tenantSchedule().orElseThrow(() ->
                new InvalidValueException("departmentId", "The tenant has no business hours")));
        List<BusinessHours> hours = new ArrayList<>();
        for (Opening o : week) {
            BusinessHours h;
            try {
                h = new BusinessHours(schedule, o.day(), o.opens(), o.closes());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidValueException("week", label(o.day()) + ": opening hours must close after they open");
            }
            hours.stream().filter(h::overlaps).findFirst().ifPresent(other -> {
                throw new InvalidValueException("week", label(o.day()) + ": " + o.opens() + "-" + o.closes() + " overlaps "
                        + other.opensAt() + "-" + other.closesAt());
            });
            hours.add(h);
        }
        schedule.moveTo(zone);
        schedules.replaceHours(schedule, hours);
        return view(departmentId, true, schedule);
    }

    @Override
    public void followTenantHours(UUID departmentId) {
        department(departmentId);
        schedules.departmentSchedule(departmentId).ifPresent(schedules::remove);
    }

    @Override
    public ScheduleView addHoliday(Optional<UUID> departmentId, LocalDate date, String name) {
        if (date == null) {
            throw new InvalidValueException("date", "A holiday needs a date");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidValueException("name", "A holiday needs a name of at most 100 characters");
        }
        BusinessSchedule schedule = departmentId.map(this::ownScheduleOf).orElseGet(() -> schedules.tenantSchedule().orElseThrow(() ->
                new InvalidValueException("departmentId", "The tenant has no business hours")));
        schedules.holidaysOf(schedule).stream().filter(h -> h.onDate().equals(date)).findFirst().ifPresent(h -> {
            throw new DuplicateEntityException("date", date + " is already a holiday: " + h.name());
        });
        schedules.add(new Holiday(schedule, date, name.strip()));
        return view(departmentId, true, schedule);
    }

    @Override
    public void removeHoliday(UUID holidayId) {
        schedules.remove(schedules.holiday(holidayId).orElseThrow(() -> new UnknownEntityException("holiday", holidayId)));
    }

    /** A department's own schedule, made (from the tenant's zone, with no hours yet) when it has none. */
    private BusinessSchedule ownScheduleOf(UUID departmentId) {
        department(departmentId);
        return schedules.departmentSchedule(departmentId).orElseGet(() -> {
            ZoneId zone = schedules.tenantSchedule().map(BusinessSchedule::timeZone).orElse(ZoneId.of("UTC"));
            BusinessSchedule own = new BusinessSchedule(departmentId, zone);
            schedules.add(own);
            return own;
        });
    }

    private void department(UUID id) {
        departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id));
    }

    private ScheduleView view(Optional<UUID> departmentId, boolean own, BusinessSchedule schedule) {
        return new ScheduleView(departmentId, own, schedule.timeZone().getId(),
                schedules.hoursOf(schedule).stream().map(h -> new Opening(h.day(), h.opensAt(), h.closesAt())).toList(),
                schedules.holidaysOf(schedule).stream().map(h -> new HolidayView(h.id(), h.onDate(), h.name())).toList(),
                schedule.emergencyMode());
    }

    private static String label(DayOfWeek day) {
        return day == null ? "A day" : day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    @Override
    public OpeningState stateNow(Optional<UUID> departmentId) {
        departmentId.ifPresent(id -> departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id)));
        return router.openingState(departmentId.orElse(null), clock.instant());
    }
}
