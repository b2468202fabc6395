package com.voicecore.application;

import com.voicecore.domain.model.agent.Agent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's agents. */
public interface AgentService {

    Agent create(@NotNull @Valid AgentDraft draft);

    Agent update(@NotNull UUID id, @NotNull @Valid AgentDraft draft);

    Agent get(@NotNull UUID id);

    List<Agent> list(Optional<UUID> departmentId);

    void delete(@NotNull UUID id);
}
