package com.voicecore.application;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.user.UserRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;
import java.util.UUID;

/**
 * Agents with a sign-in of their own (the console and the softphone): inviting one makes the agent and
 * its account with a role in one transaction and answers the first password once (only its hash is
 * kept; there is no mail delivery yet, so the admin hands it over). Removing an agent removes its
 * account too, except the remover's own.
 */
public interface AgentAccountService {

    Invitation invite(@NotNull @Valid AgentDraft draft, @NotNull(message = "Choose a role") UserRole role);

    /** The agent's account role; empty for an agent without an account (made through the API). */
    Optional<UserRole> role(@NotNull UUID agentId);

    /** Every agent's account role, by agent id (agents without an account are absent); one query for a list. */
    java.util.Map<UUID, UserRole> roles();

    /** Gives the agent's account another role, or — for an agent without one — invites it with that role. */
    Optional<String> changeRole(@NotNull UUID agentId, @NotNull(message = "Choose a role") UserRole role, @NotNull UUID actingUserId);

    /** Removes the agent and its account; refuses to remove the acting user's own. */
    void remove(@NotNull UUID agentId, @NotNull UUID actingUserId);

    record Invitation(Agent agent, UserRole role, String firstPassword) {

        @Override
        public String toString() {
            return "Invitation[agent=" + agent.id() + ", role=" + role + ", firstPassword=(hidden)]";
        }
    }
}
