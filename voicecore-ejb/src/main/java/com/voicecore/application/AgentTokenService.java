package com.voicecore.application;

import jakarta.validation.constraints.NotNull;

import java.util.Optional;
import java.util.UUID;

/** Short-lived agent tokens for the agent WebSocket (docs/agent-protocol.md). */
public interface AgentTokenService {

    /** A token for one of the current tenant's agents (an integrator holding the tenant API key). */
    IssuedAgentToken issue(@NotNull(message = "An agent is required") UUID agentId,
                           @NotNull(message = "A role is required: agent or supervisor") AgentRole role);

    /**
     * The softphone's login: the tenant user's e-mail and password, for the agent linked to that user.
     * Empty for every kind of failure alike.
     */
    Optional<IssuedAgentToken> login(@NotNull UUID tenantId, @NotNull String email, @NotNull char[] password);

    /** The claims of a valid, unexpired token signed by this cluster; empty otherwise. No database work. */
    Optional<AgentClaims> verify(String token);

    /**
     * Whether the token's tenant is active now: a token outlives a suspension by up to its lifetime, so
     * a socket checks at every connection. Runs in the token's tenant context (the caller sets it).
     */
    boolean tenantActive(AgentClaims claims);
}
