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

    List<Agent> findByDepartment(UUID departmentId);

    long countByDepartment(UUID departmentId);

    /** The department's available agents, longest idle first. */
    List<Agent> findAvailableInDepartment(UUID departmentId);

    void store(Agent agent);

    void remove(Agent agent);
}
