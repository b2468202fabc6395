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
    public Optional<Agent> findByUser(UUID userId) {
        return em.createNamedQuery("Agent.findByUser", Agent.class)
                .setParameter("userId", userId).getResultStream().findFirst();
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
    public Optional<Agent> lockLongestIdle(UUID departmentId, java.time.Instant connectedSince) {
        String sql = "select * from agents where tenant_id = :tenant and department_id = :department"
                + " and status = 'available' and activity = 'idle' and last_seen_at >= :since"
                + " order by activity_since, id limit 1 for update skip locked";
        jakarta.persistence.Query query = em.createNativeQuery(sql, Agent.class)
                .setParameter("tenant", com.voicecore.infrastructure.tenancy.TenantContext.require())
                .setParameter("department", departmentId)
                .setParameter("since", java.time.OffsetDateTime.ofInstant(connectedSince, java.time.ZoneOffset.UTC));
        @SuppressWarnings("unchecked")
        List<Agent> rows = query.getResultList();
        rows.forEach(em::refresh);
        return rows.stream().findFirst();
    }

    @Override
    public Optional<Agent> lock(UUID id) {
        Agent agent = em.find(Agent.class, id);
        if (agent != null) {
            // refresh under the lock: a copy read earlier in this transaction may predate another
            // transaction's commit that the lock waited for
            em.refresh(agent, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(agent);
    }

    @Override
    public List<Agent> findSilentSince(java.time.Instant staleBefore) {
        return em.createNamedQuery("Agent.findStale", Agent.class)
                .setParameter("notAvailable", AgentStatus.NOT_AVAILABLE)
                .setParameter("expirable", List.of(com.voicecore.domain.model.agent.AgentActivity.IDLE,
                        com.voicecore.domain.model.agent.AgentActivity.AWAY))
                .setParameter("staleBefore", staleBefore)
                .getResultList();
    }

    @Override
    public List<Agent> findWrapUpDone(java.time.Instant now) {
        return em.createNamedQuery("Agent.findWrapUpDone", Agent.class)
                .setParameter("wrapUp", com.voicecore.domain.model.agent.AgentActivity.WRAP_UP)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public long countLoggedIn(UUID departmentId, java.time.Instant since) {
        return em.createNamedQuery("Agent.countLoggedIn", Long.class)
                .setParameter("departmentId", departmentId)
                .setParameter("since", since)
                .setParameter("notAvailable", AgentStatus.NOT_AVAILABLE)
                .getSingleResult();
    }

    @Override
    public void logPresence(Agent agent) {
        em.flush();
        java.time.OffsetDateTime since = java.time.OffsetDateTime.ofInstant(agent.activitySince(), java.time.ZoneOffset.UTC);
        em.createNativeQuery("update agent_presence_log set ended_at = :since where tenant_id = :tenant"
                        + " and agent_id = :agent and ended_at is null")
                .setParameter("since", since)
                .setParameter("tenant", agent.tenantId())
                .setParameter("agent", agent.id())
                .executeUpdate();
        em.createNativeQuery("insert into agent_presence_log (tenant_id, agent_id, status, activity, started_at)"
                        + " values (:tenant, :agent, cast(:status as agent_status), :activity, :since)")
                .setParameter("tenant", agent.tenantId())
                .setParameter("agent", agent.id())
                .setParameter("status", agent.status().code())
                .setParameter("activity", agent.activity().code())
                .setParameter("since", since)
                .executeUpdate();
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
