package com.voicecore.domain.model.call;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Filters of the call log; every one optional. */
public record CallCriteria(Optional<Instant> since, Optional<Instant> until, Optional<CallStatus> status,
                           Optional<UUID> departmentId, Optional<UUID> agentId, Optional<String> number,
                           Optional<CallDirection> direction) {

    public static CallCriteria any() {
        return new CallCriteria(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
