package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's agents. */
public interface AgentRepository {

    Optional<Agent> find(UUID id);

    Optional<Agent> findByExtension(Extension extension);

    Optional<Agent> findByEmail(EmailAddress email);

    List<Agent> findAll();

    /** The agent linked to a tenant user (the softphone's login). */
    Optional<Agent> findByUser(UUID userId);

    List<Agent> findByDepartment(UUID departmentId);

    long countByDepartment(UUID departmentId);

    /** The department's available agents, longest idle first. */
    List<Agent> findAvailableInDepartment(UUID departmentId);

    /**
     * The department's longest-idle agent ready for an offer, locked for this transaction; agents another
     * transaction holds are skipped, so two nodes never offer one agent two calls.
     */
    Optional<Agent> lockLongestIdle(UUID departmentId, java.time.Instant connectedSince);

    /** Locks one agent (waits for another transaction holding it). */
    Optional<Agent> lock(UUID id);

    /** Agents whose heartbeats stopped before {@code staleBefore} and who could be expired. */
    List<Agent> findSilentSince(java.time.Instant staleBefore);

    /** Agents whose wrap-up time is over. */
    List<Agent> findWrapUpDone(java.time.Instant now);

    /** Agents of the department logged in through a client (not "not available", heartbeat since {@code since}). */
    long countLoggedIn(UUID departmentId, java.time.Instant since);

    /** Records the agent's new presence interval (closing the previous one): the metrics' idle time. */
    void logPresence(Agent agent);

    void store(Agent agent);

    void remove(Agent agent);
}
