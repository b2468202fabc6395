package com.voicecore.application;

import com.voicecore.domain.model.schedule.EmergencyMode;
import com.voicecore.domain.model.schedule.OpeningState;

import java.util.Optional;
import java.util.UUID;

/** Business hours of the current tenant and its departments: the emergency override, and what applies now. */
public interface ScheduleService {

    /** Forces the tenant (or one department with its own schedule) open or closed; empty clears it. */
    OpeningState declareEmergency(Optional<UUID> departmentId, Optional<EmergencyMode> mode);

    OpeningState stateNow(Optional<UUID> departmentId);
}
