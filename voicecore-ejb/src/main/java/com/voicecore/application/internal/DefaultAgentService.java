package com.voicecore.application.internal;

import com.voicecore.application.AgentDraft;
import com.voicecore.application.AgentService;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.agent.ExtensionOutsideDepartmentException;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import com.voicecore.domain.model.user.TenantUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultAgentService implements AgentService {

    @Inject
    AgentRepository agents;

    @Inject
    DepartmentRepository departments;

    @Inject
    RealtimeAnnouncer announcer;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public Agent create(AgentDraft draft) {
        Department department = department(draft.departmentId());
        Agent agent;
        try {
            agent = new Agent(draft.name(), draft.email(), department, draft.extension());
        } catch (ExtensionOutsideDepartmentException e) {
            throw new InvalidValueException("extension", e.getMessage());
        }
        checkUnique(agent, draft);
        if (draft.status() != null) {
            agent.changeStatus(draft.status());
        }
        agent.reachAt(draft.phoneNumber());
        Agent stored = store(agent);
        agents.logPresence(stored);
        announcer.presence(stored.presence());
        return stored;
    }

    @Override
    public Agent update(UUID id, AgentDraft draft) {
        // locked: presence changes (offers, heartbeats, expiry) write the same row concurrently
        Agent agent = agents.lock(id).orElseThrow(() -> new UnknownEntityException("agent", id));
        long presenceBefore = agent.presenceVersion();
        checkUnique(agent, draft);
        agent.rename(draft.name());
        agent.changeEmail(draft.email());
        moveSignIn(agent);
        try {
            agent.assign(department(draft.departmentId()), draft.extension());
        } catch (ExtensionOutsideDepartmentException e) {
            throw new InvalidValueException("extension", e.getMessage());
        }
        if (draft.status() != null) {
            try {
                agent.changeStatus(draft.status());
            } catch (com.voicecore.domain.model.agent.PresenceStateException e) {
                throw new com.voicecore.application.exception.ConflictException("status", e.getMessage());
            }
        }
        agent.reachAt(draft.phoneNumber());
        Agent stored = store(agent);
        if (stored.presenceVersion() != presenceBefore) {
            agents.logPresence(stored);
            announcer.presence(stored.presence());
        }
        return stored;
    }

    @Override
    public Agent get(UUID id) {
        return agents.find(id).orElseThrow(() -> new UnknownEntityException("agent", id));
    }

    @Override
    public List<Agent> list(Optional<UUID> departmentId) {
        return departmentId.map(agents::findByDepartment).orElseGet(agents::findAll);
    }

    @Override
    public void delete(UUID id) {
        agents.remove(get(id));
    }

    /** A department id from the client must name one of this tenant's departments. */
    private Department department(UUID departmentId) {
        if (departmentId == null) {
            return null;
        }
        return departments.find(departmentId).orElseThrow(() ->
                new InvalidValueException("departmentId", "No department with id " + departmentId));
    }

    /**
     * The agent's e-mail is its sign-in too: the linked account follows it, so the new address signs in
     * (console and softphone) and the old one no longer does. Another user's address is refused.
     */
    private void moveSignIn(Agent agent) {
        agent.userId().map(userId -> em.find(TenantUser.class, userId))
                .filter(user -> !user.email().equals(agent.email()))
                .ifPresent(user -> {
                    SignInEmails.requireFree(em, agent.email(), user.id());
                    user.changeEmail(agent.email());
                });
    }

    private void checkUnique(Agent agent, AgentDraft draft) {
        if (draft.extension() != null) {
            agents.findByExtension(draft.extension()).filter(other -> !other.equals(agent)).ifPresent(other -> {
                throw new DuplicateEntityException("extension", "Extension " + draft.extension()
                        + " already belongs to " + other.name());
            });
        }
        agents.findByEmail(draft.email()).filter(other -> !other.equals(agent)).ifPresent(other -> {
            throw new DuplicateEntityException("email", "Another agent already uses " + draft.email());
        });
    }

    private Agent store(Agent agent) {
        try {
            agents.store(agent);
            return agent;
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "agent");
        }
    }
}
