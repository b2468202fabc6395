package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaAgentRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaAgentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    @Override
    public Optional<Agent> findByExtension(Extension extension) {
        return em.createNamedQuery("Agent.findByExtension", Agent.class)
                .setParameter("extension", extension.number())
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Agent> findByEmail(EmailAddress email) {
        return em.createNamedQuery("Agent.findByEmail", Agent.class)
                .setParameter("email", email.value())
                .getResultStream().findFirst();
    }

    @Override
    public List<Agent> findAll() {
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultList();
    }

    @Override
    public List<Agent> findByDepartment(UUID departmentId) {
        return em.createNamedQuery("Agent.findByDepartment", Agent.class)
                .setParameter("departmentId", departmentId)
                .getResultList();
    }

    @Override
    public long countByDepartment(UUID departmentId) {
        return em.createNamedQuery("Agent.countByDepartment", Long.class)
                .setParameter("departmentId", departmentId)
                .getSingleResult();
    }

    @Override
    public List<Agent> findAvailableInDepartment(UUID departmentId) {
        return em.createNamedQuery("Agent.findAvailableInDepartment", Agent.class)
                .setParameter("departmentId", departmentId)
                .setParameter("available", AgentStatus.AVAILABLE)
                .getResultList();
    }

    @Override
    public void store(Agent agent) {
        if (!em.contains(agent)) {
            em.persist(agent);
        }
        em.flush();
    }

    @Override
    public void remove(Agent agent) {
        em.remove(agent);
        em.flush();
    }
}
