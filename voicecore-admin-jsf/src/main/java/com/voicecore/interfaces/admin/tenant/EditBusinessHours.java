package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.ScheduleService;
import com.voicecore.interfaces.admin.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * /tenant/hours.xhtml: the weekly hours (one opening interval per day) and time zone of the company or
 * of a department, and their holidays. A department without hours of its own follows the company's.
 */
@Named
@ViewScoped
public class EditBusinessHours extends CompanyPage {

    static final String INTERVAL = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String HOURS = "\\s*(" + INTERVAL + "(\\s*,\\s*" + INTERVAL + ")*)?\\s*";
    static final String HOURS_MESSAGE = "Hours are like 09:00-17:00, or 09:00-12:00, 13:00-17:00; empty is closed";

    /** One weekday's opening intervals as typed ("09:00-12:00, 13:00-17:00"); empty means closed that day. */
    public static class Day implements Serializable {
        private final DayOfWeek day;
        @Pattern(regexp = HOURS, message = HOURS_MESSAGE)
        private String hours;

        Day(DayOfWeek day) {
            this.day = day;
        }

        public String getLabel() {
            return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }

        public String getKey() {
            return day.name().toLowerCase(Locale.ROOT);
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours;
        }
    }

    @Inject
    ScheduleService schedules;

    @Inject
    DepartmentChoices departmentChoices;

    /** Empty: the company's hours; else a department's id. */
    private String scope = "";
    private boolean own;

    @NotBlank(message = "A time zone is needed, e.g. Europe/Berlin")
    @Size(max = 64, message = "A time zone has at most 64 characters")
    private String timeZone;

    private List<Day> week;
    private List<ScheduleService.HolidayView> holidays;

    private LocalDate holidayDate;

    @Size(max = 100, message = "A holiday's name has at most 100 characters")
    private String holidayName;

    @PostConstruct
    void init() {
        load();
    }

    /** Shows the chosen schedule (also when the scope changes). */
    public void load() {
        Optional<UUID> department = id(scope);
        ScheduleService.ScheduleView view;
        try {
            view = schedules.schedule(department);
        } catch (RuntimeException e) {
            Messages.refused(e);
            return;
        }
        own = department.isEmpty() || view.own();
        timeZone = view.timeZone();
        week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            Day day = new Day(d);
            day.hours = String.join(", ", view.week().stream().filter(o -> o.day() == d)
                    .map(o -> o.opens() + "-" + o.closes()).toList());
            week.add(day);
        }
        holidays = view.holidays();
    }

    public void saveWeek() {
        List<ScheduleService.Opening> openings = new ArrayList<>();
        for (Day d : week) {
            String typed = blankToNull(d.hours);
            if (typed == null) {
                continue;
            }
            for (String interval : typed.split(",")) {
                String[] ends = interval.strip().split("-");
                openings.add(new ScheduleService.Opening(d.day, LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
            }
        }
        Optional<UUID> department = id(scope);
        String zone = timeZone;
        if (attempt(() -> changes.change(actor(), "hours.changed", () -> schedules.replaceWeek(department, zone, openings),
                v -> scopeName(), v -> v.timeZone() + ", " + v.week().size() + " openings a week"))) {
            Messages.info(scopeName() + ": hours saved");
            load();
        }
    }

    public void followCompany() {
        Optional<UUID> department = id(scope);
        if (department.isEmpty()) {
            return;
        }
        if (attempt(() -> changes.change(actor(), "hours.follow-company", scopeName(), "own hours and holidays removed",
                () -> schedules.followTenantHours(department.get())))) {
            Messages.info(scopeName() + " follows the company's hours again");
            load();
        }
    }

    public void addHoliday() {
        if (holidayDate == null || blankToNull(holidayName) == null) {
            Messages.error(null, "A holiday needs a date and a name");
            return;
        }
        Optional<UUID> department = id(scope);
        LocalDate date = holidayDate;
        String name = holidayName.strip();
        if (attempt(() -> changes.change(actor(), "hours.holiday-added", () -> schedules.addHoliday(department, date, name),
                v -> scopeName(), v -> date + " " + name))) {
            Messages.info("Holiday " + date + " added");
            holidayDate = null;
            holidayName = null;
            load();
        }
    }

    public void removeHoliday(ScheduleService.HolidayView holiday) {
        if (attempt(() -> changes.change(actor(), "hours.holiday-removed", scopeName(), holiday.date() + " " + holiday.name(),
                () -> schedules.removeHoliday(holiday.id())))) {
            Messages.info("Holiday " + holiday.date() + " removed");
            load();
        }
    }

    private String scopeName() {
        return id(scope).map(id -> departmentChoices.names().getOrDefault(id, "Department")).orElse("Company hours");
    }

    public boolean isDepartment() {
        return id(scope).isPresent();
    }

    public boolean isOwn() {
        return own;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope == null ? "" : scope;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<Day> getWeek() {
        return week;
    }

    public List<ScheduleService.HolidayView> getHolidays() {
        return holidays;
    }

    public LocalDate getHolidayDate() {
        return holidayDate;
    }

    public void setHolidayDate(LocalDate holidayDate) {
        this.holidayDate = holidayDate;
    }

    public String getHolidayName() {
        return holidayName;
    }

    public void setHolidayName(String holidayName) {
        this.holidayName = holidayName;
    }
}
