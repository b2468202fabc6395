package com.voicecore.domain.model.schedule;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Opening hours of the tenant (no department) or of one department, in its own time zone. */
@Entity
@Table(name = "business_schedules")
@NamedQuery(name = "BusinessSchedule.findTenantDefault",
        query = "select s from BusinessSchedule s where s.departmentId is null")
@NamedQuery(name = "BusinessSchedule.findByDepartment",
        query = "select s from BusinessSchedule s where s.departmentId = :departmentId")
public class BusinessSchedule extends TimestampedTenantEntity {

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "emergency_override", length = 10)
    private String emergencyOverride;

    protected BusinessSchedule() {
    }

    public BusinessSchedule(UUID departmentId, ZoneId zone) {
        this.departmentId = departmentId;
        moveTo(zone);
    }

    public void moveTo(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    /**
     * Forces the schedule open or closed until {@link #clearEmergency()}, overriding hours and
     * holidays. Declaring the other mode replaces the current one.
     */
    public void declareEmergency(EmergencyMode mode) {
        this.emergencyOverride = Objects.requireNonNull(mode, "mode").storedValue();
    }

    /** Back to hours and holidays. Clearing when there is no emergency changes nothing. */
    public void clearEmergency() {
        this.emergencyOverride = null;
    }

    public Optional<UUID> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Optional<EmergencyMode> emergencyMode() {
        return Optional.ofNullable(emergencyOverride).map(EmergencyMode::fromStoredValue);
    }

    /** The override as stored ('open', 'closed'); {@link #emergencyMode()} is the typed form. */
    public Optional<String> emergencyOverride() {
        return Optional.ofNullable(emergencyOverride);
    }
}
