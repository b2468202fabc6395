package com.voicecore.application;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agent metrics over a date range, per agent and per department. */
public interface AgentMetricsService {

    /** Every agent of the tenant (or of one department), each with its metrics over [from, until). */
    List<AgentMetrics> perAgent(@NotNull Instant from, @NotNull Instant until, Optional<UUID> departmentId);

    /** Every department's totals over [from, until) (agentId is null; name is the department's). */
    List<AgentMetrics> perDepartment(@NotNull Instant from, @NotNull Instant until);
}
