package com.voicecore.application;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What a dashboard asks for: local dates in the tenant's time zone (both inclusive; absent = the last 7
 * days), optionally one department or agent, optionally its own service-level threshold in seconds.
 */
public record AnalyticsQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<UUID> departmentId,
                             Optional<UUID> agentId, Optional<Integer> serviceLevelSeconds) {

    public AnalyticsQuery {
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        agentId = agentId == null ? Optional.empty() : agentId;
        serviceLevelSeconds = serviceLevelSeconds == null ? Optional.empty() : serviceLevelSeconds;
    }
}
