package com.voicecore.domain.model.schedule;

import com.voicecore.domain.model.department.Department;
import com.voicecore.infrastructure.persistence.jpa.JpaBusinessScheduleRepository;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The JPA repository over the real schema (Flyway migrations, RLS, runtime role): it finds the tenant's
 * and a department's schedule with their hours and holidays, stores an emergency override, and sees
 * only the current tenant's rows.
 */
class JpaBusinessScheduleRepositoryTest {

    private static final Instant MONDAY_11_BERLIN = Instant.parse("2025-12-22T10:00:00Z");
    private static final Instant CHRISTMAS_11_BERLIN = Instant.parse("2025-12-25T10:00:00Z");

    private static EmbeddedDatabase db;
    private static OrmHarness orm;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "business-schedule-repository-test"), 0, false).migrate();
        orm = new OrmHarness(db.appDataSource());
    }

    @AfterAll
    static void stop() {
        if (orm != null) {
            orm.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static UUID createTenant(String name) throws SQLException {
        try (Connection c = db.appDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
    }

    /** A tenant with a Berlin weekday schedule closed on Christmas, and a department open in New York's evenings. */
    private static UUID[] tenantWithDepartmentSchedule(String name) throws SQLException {
        UUID tenant = createTenant(name);
        UUID department = orm.inTenant(tenant, em -> {
            BusinessSchedule schedule = new BusinessSchedule(null, ZoneId.of("Europe/Berlin"));
            em.persist(schedule);
            em.flush();
            for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
                em.persist(new BusinessHours(schedule, d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
            em.persist(new Holiday(schedule, LocalDate.of(2025, 12, 25), "Christmas Day"));

            Department support = new Department("Support", null, null, false);
            em.persist(support);
            em.flush();
            BusinessSchedule own = new BusinessSchedule(support.id(), ZoneId.of("America/New_York"));
            em.persist(own);
            em.flush();
            em.persist(new BusinessHours(own, DayOfWeek.MONDAY, LocalTime.of(4, 0), LocalTime.of(6, 0)));
            return support.id();
        });
        return new UUID[] {tenant, department};
    }

    @Test
    void findsTheTenantsAndTheDepartmentsCalendarsWithTheirHoursAndHolidays() throws SQLException {
        UUID[] ids = tenantWithDepartmentSchedule("Calendars GmbH");
        UUID tenant = ids[0];
        UUID department = ids[1];
        orm.runInTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            BusinessCalendar calendar = repository.tenantCalendar().orElseThrow();
            assertEquals(Optional.empty(), calendar.departmentId());
            assertEquals(ZoneId.of("Europe/Berlin"), calendar.zone());
            assertEquals(OpeningState.OPEN, calendar.stateAt(MONDAY_11_BERLIN));
            assertEquals(OpeningState.closedForHoliday("Christmas Day"), calendar.stateAt(CHRISTMAS_11_BERLIN));

            BusinessCalendar own = repository.departmentCalendar(department).orElseThrow();
            assertEquals(Optional.of(department), own.departmentId());
            assertEquals(OpeningState.OPEN, own.stateAt(MONDAY_11_BERLIN)); // 05:00 in New York
            assertEquals(OpeningState.CLOSED_HOURS, own.stateAt(CHRISTMAS_11_BERLIN)); // no holiday of its own

            assertEquals(Optional.empty(), repository.departmentCalendar(UUID.randomUUID()));
            assertSame(calendar, BusinessCalendar.forDepartment(repository.departmentCalendar(UUID.randomUUID()), calendar));
        });
    }

    @Test
    void anEmergencyDeclaredAndClearedIsStored() throws SQLException {
        UUID tenant = tenantWithDepartmentSchedule("Emergency Ltd")[0];
        orm.runInTenant(tenant, em -> new JpaBusinessScheduleRepository(em).tenantSchedule().orElseThrow()
                .declareEmergency(EmergencyMode.CLOSED));
        orm.runInTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            assertEquals(OpeningState.EMERGENCY_CLOSED, repository.tenantCalendar().orElseThrow().stateAt(MONDAY_11_BERLIN));
            repository.tenantSchedule().orElseThrow().clearEmergency();
        });
        orm.runInTenant(tenant, em -> assertEquals(OpeningState.OPEN,
                new JpaBusinessScheduleRepository(em).tenantCalendar().orElseThrow().stateAt(MONDAY_11_BERLIN)));
    }

    @Test
    void aTenantSeesOnlyItsOwnSchedules() throws SQLException {
        UUID[] first = tenantWithDepartmentSchedule("First AG");
        UUID second = createTenant("Second AG");
        orm.runInTenant(second, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            assertEquals(Optional.empty(), repository.tenantCalendar());
            assertEquals(Optional.empty(), repository.departmentCalendar(first[1]));
            assertEquals(Optional.empty(), repository.departmentSchedule(first[1]));
        });
    }

    @Test
    void weeklyHoursAreReplacedHolidaysAddedAndRemovedAndADepartmentCanDropItsOwnSchedule() throws SQLException {
        UUID[] ids = tenantWithDepartmentSchedule("Hours Editing SE");
        UUID tenant = ids[0];
        UUID department = ids[1];
        orm.runInTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            BusinessSchedule schedule = repository.tenantSchedule().orElseThrow();
            repository.replaceHours(schedule, java.util.List.of(
                    new BusinessHours(schedule, DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)),
                    new BusinessHours(schedule, DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))));
            repository.add(new Holiday(schedule, LocalDate.of(2025, 12, 22), "Shop closed"));
        });
        orm.runInTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            BusinessSchedule schedule = repository.tenantSchedule().orElseThrow();
            assertEquals(2, repository.hoursOf(schedule).size(), "the old weekday hours are gone");
            assertEquals(DayOfWeek.MONDAY, repository.hoursOf(schedule).get(0).day());
            assertEquals(OpeningState.closedForHoliday("Shop closed"), repository.tenantCalendar().orElseThrow().stateAt(MONDAY_11_BERLIN));
            Holiday added = repository.holidaysOf(schedule).stream().filter(h -> h.name().equals("Shop closed")).findFirst().orElseThrow();
            repository.remove(repository.holiday(added.id()).orElseThrow());
            repository.remove(repository.departmentSchedule(department).orElseThrow());
        });
        orm.runInTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            assertEquals(OpeningState.OPEN, repository.tenantCalendar().orElseThrow().stateAt(MONDAY_11_BERLIN), "11:00 Berlin on Monday, no holiday");
            assertEquals(Optional.empty(), repository.departmentSchedule(department), "the department follows the tenant again");
        });
        UUID other = createTenant("Other Hours SE");
        UUID christmas = orm.inTenant(tenant, em -> {
            JpaBusinessScheduleRepository repository = new JpaBusinessScheduleRepository(em);
            return repository.holidaysOf(repository.tenantSchedule().orElseThrow()).get(0).id();
        });
        orm.runInTenant(other, em -> assertEquals(Optional.empty(), new JpaBusinessScheduleRepository(em).holiday(christmas),
                "another tenant's holiday is not found"));
    }

    @Test
    void intervalsOfOneDayOverlapUnlessTheyOnlyTouch() {
        BusinessSchedule schedule = new BusinessSchedule(null, ZoneId.of("UTC"));
        BusinessHours morning = new BusinessHours(schedule, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0));
        assertEquals(true, morning.overlaps(new BusinessHours(schedule, DayOfWeek.MONDAY, LocalTime.of(11, 59), LocalTime.of(17, 0))));
        assertEquals(true, morning.overlaps(new BusinessHours(schedule, DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(11, 0))));
        assertEquals(false, morning.overlaps(new BusinessHours(schedule, DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(17, 0))));
        assertEquals(false, morning.overlaps(new BusinessHours(schedule, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))));
    }
}
