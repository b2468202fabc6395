package com.voicecore.domain.model.schedule;

import com.voicecore.domain.model.shared.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/** One opening interval of a schedule on one day of the week. */
@Entity
@Table(name = "business_hours")
@NamedQuery(name = "BusinessHours.findBySchedule",
        query = "select h from BusinessHours h where h.scheduleId = :scheduleId order by h.dayOfWeek, h.opensAt")
public class BusinessHours extends TenantOwnedEntity {

    @Column(name = "schedule_id", nullable = false)
    private UUID scheduleId;

    @Column(name = "day_of_week", nullable = false)
    private short dayOfWeek;

    @Column(name = "opens_at", nullable = false)
    private LocalTime opensAt;

    @Column(name = "closes_at", nullable = false)
    private LocalTime closesAt;

    protected BusinessHours() {
    }

    public BusinessHours(BusinessSchedule schedule, DayOfWeek day, LocalTime opens, LocalTime closes) {
        if (!Objects.requireNonNull(closes, "closes").isAfter(Objects.requireNonNull(opens, "opens"))) {
            throw new IllegalArgumentException("Opening hours must close after they open");
        }
        this.scheduleId = schedule.id();
        this.dayOfWeek = (short) day.getValue();
        this.opensAt = opens;
        this.closesAt = closes;
    }

    /** Whether two intervals of the same day share a moment (touching ends do not: 9-12 and 12-17 are fine). */
    public boolean overlaps(BusinessHours other) {
        return day() == other.day() && opensAt.isBefore(other.closesAt) && other.opensAt.isBefore(closesAt);
    }

    /** Whether a local clock time on this interval's day falls inside it: {@code [opens, closes)}. */
    public boolean covers(LocalTime time) {
        return !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    public UUID scheduleId() {
        return scheduleId;
    }

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }
}
