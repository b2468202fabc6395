package com.voicecore.domain.model.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rule "is this schedule taking calls at that instant, and why", built from one schedule, its
 * weekly hours and its holidays. Evaluated in the schedule's own time zone in the order
 * emergency override → holiday → closed → open.
 * <p>
 * Hours are wall-clock times of the local day, each interval half-open ({@code [opens, closes)}): the
 * schedule is open when the clock in its time zone reads a time inside one of that weekday's
 * intervals. Daylight-saving changes therefore need no arithmetic: a 09:00–17:00 day stays 09:00–17:00
 * on the clock. The cost, on the rare schedule whose hours start or end at night: a clock time skipped
 * in spring never happens (an interval ending inside the gap ends at the jump), and one repeated in
 * autumn happens twice (an interval ending inside the repeated hour is open again the second time).
 * <p>
 * A snapshot: it keeps the override as it was when built; the repository builds a fresh one per
 * question.
 */
public final class BusinessCalendar {

    private final UUID scheduleId;
    private final UUID departmentId;
    private final ZoneId zone;
    private final EmergencyMode emergency;
    private final Map<DayOfWeek, List<BusinessHours>> hoursByDay;
    private final Map<LocalDate, String> holidays;

    public BusinessCalendar(BusinessSchedule schedule, Collection<BusinessHours> hours, Collection<Holiday> holidays) {
        Objects.requireNonNull(schedule, "schedule");
        this.scheduleId = schedule.id();
        this.departmentId = schedule.departmentId().orElse(null);
        this.zone = schedule.timeZone();
        this.emergency = schedule.emergencyMode().orElse(null);

        Map<DayOfWeek, List<BusinessHours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (BusinessHours h : Objects.requireNonNull(hours, "hours")) {
            requireSameSchedule(h.scheduleId(), "hours");
            byDay.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h);
        }
        byDay.replaceAll((day, list) -> List.copyOf(list));
        this.hoursByDay = Collections.unmodifiableMap(byDay);

        Map<LocalDate, String> byDate = new HashMap<>();
        for (Holiday h : Objects.requireNonNull(holidays, "holidays")) {
            requireSameSchedule(h.scheduleId(), "holiday");
            byDate.put(h.onDate(), h.name());
        }
        this.holidays = Map.copyOf(byDate);
    }

    /**
     * Which calendar a department's calls follow: its own schedule when it has one, else the tenant's
     * default schedule.
     */
    public static BusinessCalendar forDepartment(Optional<BusinessCalendar> department, BusinessCalendar tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.departmentId().isPresent()) {
            throw new IllegalArgumentException("The tenant's calendar is the schedule without a department");
        }
        department.ifPresent(d -> {
            if (d.departmentId().isEmpty()) {
                throw new IllegalArgumentException("A department's calendar belongs to a department");
            }
        });
        return department.orElse(tenant);
    }

    public OpeningState stateAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (emergency != null) {
            return OpeningState.emergency(emergency);
        }
        ZonedDateTime local = instant.atZone(zone);
        String holiday = holidays.get(local.toLocalDate());
        if (holiday != null) {
            return OpeningState.closedForHoliday(holiday);
        }
        LocalTime time = local.toLocalTime();
        for (BusinessHours interval : hoursByDay.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (interval.covers(time)) {
                return OpeningState.OPEN;
            }
        }
        return OpeningState.CLOSED_HOURS;
    }

    public UUID scheduleId() {
        return scheduleId;
    }

    /** Empty for the tenant's default schedule. */
    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        String hours = hoursByDay.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream()
                        .map(h -> h.opensAt() + "-" + h.closesAt()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
        return "BusinessCalendar[" + (departmentId == null ? "tenant" : "department " + departmentId) + ", " + zone
                + (emergency == null ? "" : ", emergency " + emergency) + ", " + hours
                + ", " + holidays.size() + " holidays]";
    }

    private void requireSameSchedule(UUID owner, String what) {
        if (!scheduleId.equals(owner)) {
            throw new IllegalArgumentException("The " + what + " belong to another schedule");
        }
    }
}
