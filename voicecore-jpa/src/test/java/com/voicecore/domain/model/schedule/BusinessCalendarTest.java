package com.voicecore.domain.model.schedule;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A schedule under construction: hours and holidays added, then built. */
    private static final class Sched {
        final BusinessSchedule schedule;
        final List<BusinessHours> hours = new ArrayList<>();
        final List<Holiday> holidays = new ArrayList<>();

        Sched(UUID department, ZoneId zone) {
            schedule = new BusinessSchedule(department, zone);
        }

        Sched open(DayOfWeek day, String opens, String closes) {
            hours.add(new BusinessHours(schedule, day, LocalTime.parse(opens), LocalTime.parse(closes)));
            return this;
        }

        Sched weekdays(String opens, String closes) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d != SATURDAY && d != SUNDAY) {
                    open(d, opens, closes);
                }
            }
            return this;
        }

        Sched holiday(String date, String name) {
            holidays.add(new Holiday(schedule, LocalDate.parse(date), name));
            return this;
        }

        BusinessCalendar calendar() {
            return new BusinessCalendar(schedule, hours, holidays);
        }
    }

    private static Sched tenant(ZoneId zone) {
        return new Sched(null, zone);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    class WeeklyHours {

        // Monday 3 March 2025; Berlin is UTC+1 in winter
        private final BusinessCalendar office = tenant(BERLIN).weekdays("09:00", "17:00").calendar();

        @Test
        void openFromTheOpeningMinuteUntilJustBeforeClosing() {
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-03-03T07:59:59Z")));
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-03-03T08:00:00Z")));
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-03-03T15:59:59.999Z")));
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-03-03T16:00:00Z")));
        }

        @Test
        void aDayWithoutHoursIsClosedAllDay() {
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-03-02T10:00:00Z"))); // Sunday
            assertEquals(OpeningState.CLOSED_HOURS, tenant(BERLIN).calendar().stateAt(at("2025-03-03T10:00:00Z")));
        }

        @Test
        void aLunchBreakSplitsTheDay() {
            BusinessCalendar split = tenant(BERLIN).open(MONDAY, "09:00", "12:00").open(MONDAY, "13:00", "17:00").calendar();
            assertEquals(OpeningState.OPEN, split.stateAt(at("2025-03-03T10:59:00Z")));
            assertEquals(OpeningState.CLOSED_HOURS, split.stateAt(at("2025-03-03T11:00:00Z")));
            assertEquals(OpeningState.CLOSED_HOURS, split.stateAt(at("2025-03-03T11:59:59Z")));
            assertEquals(OpeningState.OPEN, split.stateAt(at("2025-03-03T12:00:00Z")));
        }

        @Test
        void theWeekdayIsTheLocalOneNotUtcs() {
            // Monday 00:30 in Berlin is still Sunday in UTC
            BusinessCalendar early = tenant(BERLIN).open(MONDAY, "00:00", "01:00").calendar();
            assertEquals(OpeningState.OPEN, early.stateAt(at("2025-03-02T23:30:00Z")));
            assertEquals(OpeningState.CLOSED_HOURS, early.stateAt(at("2025-03-03T00:30:00Z")));
        }

        @Test
        void oneInstantIsOpenInOneZoneAndClosedInAnother() {
            Instant instant = at("2025-03-03T14:30:00Z"); // 15:30 in Berlin, 09:30 in New York, 23:30 in Tokyo
            assertTrue(tenant(BERLIN).weekdays("09:00", "17:00").calendar().stateAt(instant).isOpen());
            assertTrue(tenant(NEW_YORK).weekdays("09:00", "17:00").calendar().stateAt(instant).isOpen());
            assertFalse(tenant(ZoneId.of("Asia/Tokyo")).weekdays("09:00", "17:00").calendar().stateAt(instant).isOpen());
            // a zone half an hour off the hour
            assertEquals(OpeningState.OPEN, tenant(ZoneId.of("Asia/Kolkata")).weekdays("09:00", "20:00").calendar()
                    .stateAt(at("2025-03-03T14:29:59Z")));
            assertEquals(OpeningState.CLOSED_HOURS, tenant(ZoneId.of("Asia/Kolkata")).weekdays("09:00", "20:00")
                    .calendar().stateAt(at("2025-03-03T14:30:00Z")));
        }
    }

    @Nested
    class DaylightSavingTime {

        @Test
        void officeHoursFollowTheLocalClockAcrossTheChange() {
            BusinessCalendar office = tenant(NEW_YORK).weekdays("09:00", "17:00").calendar();
            // Friday 7 March 2025, EST (UTC-5): opens 14:00Z
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-03-07T13:59:59Z")));
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-03-07T14:00:00Z")));
            // clocks went forward on Sunday 9 March; Monday 10 March, EDT (UTC-4): opens 13:00Z
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-03-10T13:00:00Z")));
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-03-10T21:00:00Z")));
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-03-10T20:59:59Z")));
        }

        @Test
        void onTheChangeDayItselfTheDayHasItsHoursByTheClock() {
            // Europe/Berlin: Sunday 30 March 2025 02:00 -> 03:00 (UTC 01:00); a 23-hour day
            BusinessCalendar sunday = tenant(BERLIN).open(SUNDAY, "00:00", "23:00").calendar();
            assertEquals(OpeningState.OPEN, sunday.stateAt(at("2025-03-29T23:00:00Z")));   // 00:00 CET
            assertEquals(OpeningState.OPEN, sunday.stateAt(at("2025-03-30T00:59:59Z")));   // 01:59:59 CET
            assertEquals(OpeningState.OPEN, sunday.stateAt(at("2025-03-30T01:00:00Z")));   // 03:00 CEST
            assertEquals(OpeningState.OPEN, sunday.stateAt(at("2025-03-30T20:59:59Z")));   // 22:59:59 CEST
            assertEquals(OpeningState.CLOSED_HOURS, sunday.stateAt(at("2025-03-30T21:00:00Z"))); // 23:00 CEST
        }

        @Test
        void anIntervalEndingInsideTheSpringGapEndsAtTheJump() {
            // America/New_York: Sunday 9 March 2025 02:00 EST -> 03:00 EDT (07:00Z)
            BusinessCalendar night = tenant(NEW_YORK).open(SUNDAY, "01:00", "02:30").calendar();
            assertEquals(OpeningState.OPEN, night.stateAt(at("2025-03-09T06:59:59Z")));        // 01:59:59 EST
            assertEquals(OpeningState.CLOSED_HOURS, night.stateAt(at("2025-03-09T07:00:00Z"))); // 03:00 EDT
        }

        @Test
        void anIntervalEndingInsideTheRepeatedAutumnHourIsOpenBothTimes() {
            // America/New_York: Sunday 2 November 2025 02:00 EDT -> 01:00 EST (06:00Z); 01:00-02:00 happens twice
            BusinessCalendar night = tenant(NEW_YORK).open(SUNDAY, "00:00", "01:30").calendar();
            assertEquals(OpeningState.OPEN, night.stateAt(at("2025-11-02T05:15:00Z")));         // 01:15 EDT
            assertEquals(OpeningState.CLOSED_HOURS, night.stateAt(at("2025-11-02T05:45:00Z"))); // 01:45 EDT
            assertEquals(OpeningState.OPEN, night.stateAt(at("2025-11-02T06:15:00Z")));         // 01:15 EST
            assertEquals(OpeningState.CLOSED_HOURS, night.stateAt(at("2025-11-02T06:45:00Z"))); // 01:45 EST
        }

        @Test
        void theSouthernHemisphereChangesTheOtherWay() {
            // Australia/Sydney: AEDT (UTC+11) until Sunday 6 April 2025 03:00 -> 02:00 AEST (UTC+10)
            BusinessCalendar office = tenant(ZoneId.of("Australia/Sydney")).weekdays("09:00", "17:00").calendar();
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-04-03T22:00:00Z")));         // Fri 09:00 AEDT
            assertEquals(OpeningState.CLOSED_HOURS, office.stateAt(at("2025-04-06T22:30:00Z"))); // Mon 08:30 AEST
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-04-06T23:00:00Z")));         // Mon 09:00 AEST
        }
    }

    @Nested
    class Holidays {

        @Test
        void aHolidayClosesADayThatHasHours() {
            BusinessCalendar office = tenant(BERLIN).weekdays("09:00", "17:00").holiday("2025-12-25", "Christmas Day").calendar();
            OpeningState state = office.stateAt(at("2025-12-25T10:00:00Z")); // Thursday 11:00 CET
            assertEquals(OpeningState.closedForHoliday("Christmas Day"), state);
            assertEquals(OpeningState.Kind.CLOSED_HOLIDAY, state.kind());
            assertEquals(Optional.of("Christmas Day"), state.holidayName());
            assertEquals("Closed for holiday: Christmas Day", state.reason());
            assertFalse(state.isOpen());
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-12-24T10:00:00Z")));
        }

        @Test
        void theHolidayIsTheLocalDateNotUtcs() {
            // Auckland (UTC+13 in December): 25 December starts at 11:00Z on the 24th
            BusinessCalendar office = tenant(ZoneId.of("Pacific/Auckland")).open(DayOfWeek.THURSDAY, "00:00", "23:00")
                    .open(DayOfWeek.WEDNESDAY, "00:00", "23:59").holiday("2025-12-25", "Christmas Day").calendar();
            assertEquals(OpeningState.OPEN, office.stateAt(at("2025-12-24T10:58:59Z")));  // Wednesday 23:58:59
            assertEquals(OpeningState.closedForHoliday("Christmas Day"), office.stateAt(at("2025-12-24T11:00:00Z")));
            assertEquals(OpeningState.closedForHoliday("Christmas Day"), office.stateAt(at("2025-12-25T10:59:59Z")));
        }

        @Test
        void aHolidayOnADayWithoutHoursSaysHoliday() {
            BusinessCalendar office = tenant(BERLIN).weekdays("09:00", "17:00").holiday("2025-12-28", "Closure").calendar();
            assertEquals(OpeningState.closedForHoliday("Closure"), office.stateAt(at("2025-12-28T10:00:00Z"))); // Sunday
        }
    }

    @Nested
    class Emergencies {

        private final Sched office = tenant(BERLIN).weekdays("09:00", "17:00").holiday("2025-12-25", "Christmas Day");

        @Test
        void emergencyOpenBeatsHolidaysAndHours() {
            office.schedule.declareEmergency(EmergencyMode.OPEN);
            BusinessCalendar calendar = office.calendar();
            assertEquals(OpeningState.EMERGENCY_OPEN, calendar.stateAt(at("2025-12-25T10:00:00Z"))); // holiday
            assertEquals(OpeningState.EMERGENCY_OPEN, calendar.stateAt(at("2025-12-27T03:00:00Z"))); // Saturday night
            assertTrue(OpeningState.EMERGENCY_OPEN.isOpen());
            assertEquals("Open: emergency override", OpeningState.EMERGENCY_OPEN.reason());
        }

        @Test
        void emergencyClosedBeatsHours() {
            office.schedule.declareEmergency(EmergencyMode.CLOSED);
            OpeningState state = office.calendar().stateAt(at("2025-12-22T10:00:00Z")); // Monday 11:00
            assertEquals(OpeningState.EMERGENCY_CLOSED, state);
            assertFalse(state.isOpen());
            assertEquals("Closed: emergency override", state.reason());
        }

        @Test
        void declaringTheOtherModeReplacesItAndClearingRestoresTheSchedule() {
            office.schedule.declareEmergency(EmergencyMode.CLOSED);
            office.schedule.declareEmergency(EmergencyMode.OPEN);
            assertEquals(Optional.of(EmergencyMode.OPEN), office.schedule.emergencyMode());
            assertEquals(Optional.of("open"), office.schedule.emergencyOverride());
            office.schedule.clearEmergency();
            office.schedule.clearEmergency();
            assertEquals(Optional.empty(), office.schedule.emergencyMode());
            assertEquals(OpeningState.OPEN, office.calendar().stateAt(at("2025-12-22T10:00:00Z")));
            assertThrows(NullPointerException.class, () -> office.schedule.declareEmergency(null));
        }

        @Test
        void aCalendarIsASnapshotOfTheOverride() {
            BusinessCalendar before = office.calendar();
            office.schedule.declareEmergency(EmergencyMode.CLOSED);
            assertEquals(OpeningState.OPEN, before.stateAt(at("2025-12-22T10:00:00Z")));
            assertEquals(OpeningState.EMERGENCY_CLOSED, office.calendar().stateAt(at("2025-12-22T10:00:00Z")));
        }
    }

    @Nested
    class DepartmentOrTenant {

        private final BusinessCalendar tenant = tenant(BERLIN).weekdays("09:00", "17:00").calendar();
        private final BusinessCalendar support = new Sched(UUID.randomUUID(), NEW_YORK).weekdays("08:00", "20:00").calendar();

        @Test
        void aDepartmentWithItsOwnScheduleFollowsIt() {
            BusinessCalendar chosen = BusinessCalendar.forDepartment(Optional.of(support), tenant);
            assertSame(support, chosen);
            // Monday 19:30 in Berlin = 13:30 in New York: the tenant is closed, support is open
            assertEquals(OpeningState.CLOSED_HOURS, tenant.stateAt(at("2025-03-03T18:30:00Z")));
            assertEquals(OpeningState.OPEN, chosen.stateAt(at("2025-03-03T18:30:00Z")));
        }

        @Test
        void aDepartmentWithoutOneFollowsTheTenant() {
            assertSame(tenant, BusinessCalendar.forDepartment(Optional.empty(), tenant));
        }

        @Test
        void theArgumentsMustBeWhatTheySay() {
            assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.forDepartment(Optional.of(tenant), tenant));
            assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.forDepartment(Optional.empty(), support));
            assertThrows(NullPointerException.class, () -> BusinessCalendar.forDepartment(Optional.empty(), null));
        }
    }

    @Test
    void hoursOrHolidaysOfAnotherScheduleAreRefused() {
        Sched a = tenant(BERLIN).weekdays("09:00", "17:00").holiday("2025-12-25", "Christmas Day");
        Sched b = tenant(BERLIN);
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(b.schedule, a.hours, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(b.schedule, List.of(), a.holidays));
    }

    @Test
    void openingStatesAreValues() {
        assertEquals(OpeningState.closedForHoliday(" Boxing Day "), OpeningState.closedForHoliday("Boxing Day"));
        assertEquals(OpeningState.closedForHoliday("A").hashCode(), OpeningState.closedForHoliday("A").hashCode());
        assertFalse(OpeningState.closedForHoliday("A").equals(OpeningState.closedForHoliday("B")));
        assertEquals(Optional.empty(), OpeningState.OPEN.holidayName());
        assertEquals("Open: within business hours", OpeningState.OPEN.reason());
        assertEquals("Closed: outside business hours", OpeningState.CLOSED_HOURS.toString());
        assertThrows(IllegalArgumentException.class, () -> OpeningState.closedForHoliday(" "));
    }
}
