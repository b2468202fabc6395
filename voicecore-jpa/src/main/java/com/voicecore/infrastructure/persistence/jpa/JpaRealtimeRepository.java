package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.realtime.RealtimeRepository;
import com.voicecore.domain.model.realtime.RealtimeSettings;
import com.voicecore.domain.model.realtime.RealtimeStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaRealtimeRepository implements RealtimeRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaRealtimeRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaRealtimeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<RealtimeSettings> settings() {
        return em.createQuery("select s from RealtimeSettings s", RealtimeSettings.class).getResultStream().findFirst();
    }

    @Override
    public Optional<RealtimeSettings> lockSettings() {
        return em.createQuery("select s from RealtimeSettings s", RealtimeSettings.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public void store(RealtimeSettings settings) {
        if (!em.contains(settings)) {
            em.persist(settings);
        }
        em.flush();
    }

    @Override
    public long countOpen(Instant now) {
        return em.createQuery("select count(s) from RealtimeStream s where s.endedAt is null"
                        + " and (s.connectedAt is not null or s.expiresAt > :now)", Long.class)
                .setParameter("now", now).getSingleResult();
    }

    @Override
    public void store(RealtimeStream stream) {
        if (!em.contains(stream)) {
            em.persist(stream);
        }
        em.flush();
    }

    @Override
    public Optional<RealtimeStream> stream(UUID id) {
        return Optional.ofNullable(em.find(RealtimeStream.class, id));
    }

    @Override
    public Optional<RealtimeStream> latestStream(String callSid) {
        return em.createQuery("select s from RealtimeStream s where s.callSid = :sid order by s.createdAt desc", RealtimeStream.class)
                .setParameter("sid", callSid).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public boolean claim(UUID streamId, String callSid, Instant now) {
        return em.createQuery("update RealtimeStream s set s.connectedAt = :now where s.id = :id and s.callSid = :sid"
                        + " and s.connectedAt is null and s.endedAt is null and s.expiresAt > :now")
                .setParameter("now", now).setParameter("id", streamId).setParameter("sid", callSid)
                .executeUpdate() == 1;
    }
}
