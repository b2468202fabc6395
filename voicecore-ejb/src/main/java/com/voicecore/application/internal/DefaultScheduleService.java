package com.voicecore.application.internal;

import com.voicecore.application.ScheduleService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.schedule.BusinessSchedule;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
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
    public OpeningState stateNow(Optional<UUID> departmentId) {
        departmentId.ifPresent(id -> departments.find(id).orElseThrow(() -> new UnknownEntityException("department", id)));
        return router.openingState(departmentId.orElse(null), clock.instant());
    }
}
