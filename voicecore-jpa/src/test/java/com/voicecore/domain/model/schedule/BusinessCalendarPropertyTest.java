package com.voicecore.domain.model.schedule;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * For random weekly hours, holidays, overrides, zones and instants, {@link BusinessCalendar#stateAt}
 * agrees with a deliberately different computation: a table of the week's minutes, filled from the
 * intervals and read at the instant's local weekday and minute. Instants are random or sit exactly on an
 * interval's edges (opening, closing, one second before closing), where off-by-one mistakes live.
 */
class BusinessCalendarPropertyTest {

    /** With and without daylight saving, both hemispheres, offsets of :30 and :45, a change at midnight. */
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Europe/London", "America/New_York",
            "America/Los_Angeles", "America/Santiago", "America/St_Johns", "Australia/Sydney", "Australia/Lord_Howe",
            "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati", "Asia/Tokyo", "Africa/Casablanca");

    private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long UNTIL = Instant.parse("2031-01-01T00:00:00Z").getEpochSecond();

    /** Minutes of the day; closes is after opens and at most 23:59, as the schema requires. */
    record Interval(DayOfWeek day, int opens, int closes) {
        LocalTime opensAt() {
            return LocalTime.ofSecondOfDay(opens * 60L);
        }

        LocalTime closesAt() {
            return LocalTime.ofSecondOfDay(closes * 60L);
        }
    }

    /** emergency: null for none. holidays: by day offset from the instant's local date (-2..2). */
    record Scenario(ZoneId zone, List<Interval> hours, Instant instant, Map<Integer, String> holidays,
                    EmergencyMode emergency) {
    }

    @Test
    void stateAtAgreesWithAMinuteTableOfTheWeek() {
        qt().withExamples(200).forAll(scenarios()).checkAssert(s -> {
            BusinessSchedule schedule = new BusinessSchedule(null, s.zone());
            if (s.emergency() != null) {
                schedule.declareEmergency(s.emergency());
            }
            LocalDate localDate = s.instant().atZone(s.zone()).toLocalDate();
            BusinessCalendar calendar = new BusinessCalendar(schedule,
                    s.hours().stream().map(i -> new BusinessHours(schedule, i.day(), i.opensAt(), i.closesAt())).toList(),
                    s.holidays().entrySet().stream()
                            .map(e -> new Holiday(schedule, localDate.plusDays(e.getKey()), e.getValue())).toList());
            assertEquals(reference(s), calendar.stateAt(s.instant()), s::toString);
        });
    }

    private static OpeningState reference(Scenario s) {
        if (s.emergency() != null) {
            return s.emergency() == EmergencyMode.OPEN ? OpeningState.EMERGENCY_OPEN : OpeningState.EMERGENCY_CLOSED;
        }
        String holiday = s.holidays().get(0);
        if (holiday != null) {
            return OpeningState.closedForHoliday(holiday);
        }
        boolean[] week = new boolean[7 * 24 * 60];
        for (Interval i : s.hours()) {
            int base = (i.day().getValue() - 1) * 24 * 60;
            for (int m = i.opens(); m < i.closes(); m++) {
                week[base + m] = true;
            }
        }
        ZonedDateTime local = s.instant().atZone(s.zone());
        int minute = (local.getDayOfWeek().getValue() - 1) * 24 * 60 + local.getHour() * 60 + local.getMinute();
        return week[minute] ? OpeningState.OPEN : OpeningState.CLOSED_HOURS;
    }

    // ---------------------------------------------------------------- generators

    private static Gen<Interval> intervals() {
        return integers().between(1, 7).zip(integers().between(0, 23 * 60 + 58), integers().between(0, 24 * 60),
                (day, opens, length) -> new Interval(DayOfWeek.of(day), opens,
                        opens + 1 + Math.floorMod(length, 23 * 60 + 59 - opens)));
    }

    /** How the instant is chosen: kind 0 anywhere; 1 at an interval's opening, 2 at its closing, 3 a second before. */
    record InstantChoice(long epochSecond, int interval, int kind) {
    }

    private static Instant instant(ZoneId zone, List<Interval> hours, InstantChoice choice) {
        Instant random = Instant.ofEpochSecond(choice.epochSecond());
        if (choice.kind() == 0 || hours.isEmpty()) {
            return random;
        }
        Interval i = hours.get(Math.floorMod(choice.interval(), hours.size()));
        LocalDate day = random.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(i.day()));
        LocalTime time = switch (choice.kind()) {
            case 1 -> i.opensAt();
            case 2 -> i.closesAt();
            default -> i.closesAt().minusSeconds(1);
        };
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Gen<Scenario> scenarios() {
        Gen<ZoneId> zones = Generate.pick(ZONES).map((String id) -> ZoneId.of(id));
        Gen<List<Interval>> weeks = lists().of(intervals()).ofSizeBetween(0, 12);
        Gen<InstantChoice> choices = longs().between(FROM, UNTIL).zip(integers().between(0, 11),
                integers().between(0, 3), InstantChoice::new);
        Gen<Map<Integer, String>> holidays = lists().of(integers().between(-2, 2)).ofSizeBetween(0, 3).map(offsets -> {
            Map<Integer, String> byOffset = new LinkedHashMap<>();
            offsets.forEach(o -> byOffset.putIfAbsent(o, "Holiday " + (o + 3)));
            return byOffset;
        });
        Gen<EmergencyMode> emergencies = integers().between(0, 9)
                .map(n -> n == 0 ? EmergencyMode.OPEN : n == 1 ? EmergencyMode.CLOSED : null);
        return zones.zip(weeks, choices, holidays, emergencies,
                (zone, week, choice, hols, emergency) -> new Scenario(zone, week, instant(zone, week, choice), hols, emergency));
    }
}
