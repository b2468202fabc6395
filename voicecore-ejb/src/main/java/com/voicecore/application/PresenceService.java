package com.voicecore.application;

import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.agent.PresenceChange;
import com.voicecore.domain.model.agent.PresenceReason;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * Agents' presence: the status they choose, their heartbeats, and the automatic changes (heartbeats
 * stopped, wrap-up over). Every change is persisted and announced to the tenant's connected clients.
 */
public interface PresenceService {

    /** The agent (or the API) chooses a status; refused (409) while a call holds the agent. */
    PresenceChange choose(@NotNull(message = "An agent is required") UUID agentId,
                          @NotNull(message = "A status is required: available, busy or not_available") AgentStatus status,
                          @NotNull PresenceReason reason);

    /** A heartbeat from the agent's client. */
    void heartbeat(@NotNull UUID agentId);

    /** The current presence of every agent of the tenant (a newly connected client's first picture). */
    List<PresenceChange> roster();

    /** The current tenant's agents whose heartbeats stopped become not available; returns how many. */
    int expireSilentAgents();

    /** The current tenant's agents whose wrap-up is over become available; returns how many. */
    int finishWrapUps();
}
