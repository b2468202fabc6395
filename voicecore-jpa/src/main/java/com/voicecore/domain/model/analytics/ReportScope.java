package com.voicecore.domain.model.analytics;

import java.util.Optional;
import java.util.UUID;

/** What a report is restricted to: one department's calls and agents, one agent's calls, or everything. */
public record ReportScope(Optional<UUID> departmentId, Optional<UUID> agentId) {

    public static final ReportScope TENANT = new ReportScope(Optional.empty(), Optional.empty());

    public ReportScope {
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        agentId = agentId == null ? Optional.empty() : agentId;
    }
}
