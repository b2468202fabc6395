package com.voicecore.domain.model.schedule;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A day a schedule is closed whatever its weekly hours say. */
@Entity
@Table(name = "holidays")
@NamedQuery(name = "Holiday.findBySchedule",
        query = "select h from Holiday h where h.scheduleId = :scheduleId order by h.onDate")
public class Holiday extends TenantOwnedEntity {

    @Column(name = "schedule_id", nullable = false)
    private UUID scheduleId;

    @Column(name = "on_date", nullable = false)
    private LocalDate onDate;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    protected Holiday() {
    }

    public Holiday(BusinessSchedule schedule, LocalDate onDate, String name) {
        this.scheduleId = schedule.id();
        this.onDate = Objects.requireNonNull(onDate, "onDate");
        this.name = Objects.requireNonNull(name, "name");
    }

    public LocalDate onDate() {
        return onDate;
    }

    public String name() {
        return name;
    }

    public UUID scheduleId() {
        return scheduleId;
    }
}
