package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.voicemail.Voicemail;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaVoicemailRepository implements VoicemailRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaVoicemailRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaVoicemailRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Voicemail storeIfNew(Voicemail v) {
        em.createNativeQuery("insert into voicemails (id, tenant_id, call_id, department_id, agent_id, recording_sid, "
                        + "recording_url, duration_seconds, created_at) "
                        + "values (?1, nullif(current_setting('app.current_tenant', true), '')::uuid, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                        + "on conflict (recording_sid) do nothing")
                .setParameter(1, v.id())
                .setParameter(2, v.callId())
                .setParameter(3, v.departmentId())
                .setParameter(4, v.agentId().orElse(null))
                .setParameter(5, v.recordingSid())
                .setParameter(6, v.recordingUrl())
                .setParameter(7, v.durationSeconds())
                .setParameter(8, Timestamp.from(v.createdAt()))
                .executeUpdate();
        return findByRecording(v.recordingSid())
                .orElseThrow(() -> new IllegalStateException("Recording " + v.recordingSid() + " belongs to another account"));
    }

    @Override
    public Optional<Voicemail> findByRecording(String recordingSid) {
        return em.createNamedQuery("Voicemail.byRecording", Voicemail.class)
                .setParameter("sid", recordingSid).getResultStream().findFirst();
    }

    @Override
    public List<Voicemail> forDepartment(UUID departmentId, int limit) {
        return em.createNamedQuery("Voicemail.forDepartment", Voicemail.class)
                .setParameter("departmentId", departmentId)
                .setMaxResults(limit).getResultList();
    }
}
