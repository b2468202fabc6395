package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.queue.AgentOffer;
import com.voicecore.domain.model.queue.QueueEntry;
import com.voicecore.domain.model.queue.QueueOrder;
import com.voicecore.domain.model.queue.QueuePolicy;
import com.voicecore.domain.model.queue.QueueRepository;
import com.voicecore.domain.model.queue.QueueState;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaQueueRepository implements QueueRepository {

    private static final List<QueueState> QUEUED = List.of(QueueState.WAITING, QueueState.OFFERED);

    /**
     * The queue order in SQL, the same as {@link QueueOrder}: priority (base + VIP bonus + one point per
     * aging interval waited) descending, then arrival, then id. Native because JPQL cannot say SKIP LOCKED.
     */
    private static final String NEXT_WAITING = """
            select * from queue_entries
            where tenant_id = :tenant and department_id = :department and state = 'waiting'
            order by base_priority + case when vip then :vipBonus else 0 end
                     + floor(greatest(extract(epoch from (cast(:now as timestamptz) - enqueued_at)), 0) / :aging) desc,
                     enqueued_at, id
            limit 1
            for update skip locked""";

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaQueueRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaQueueRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(QueueEntry entry) {
        if (!em.contains(entry)) {
            em.persist(entry);
        }
        em.flush();
    }

    @Override
    public Optional<QueueEntry> find(UUID id) {
        return Optional.ofNullable(em.find(QueueEntry.class, id));
    }

    @Override
    public Optional<QueueEntry> findByCall(UUID callId) {
        return em.createNamedQuery("QueueEntry.findByCall", QueueEntry.class)
                .setParameter("callId", callId).getResultStream().findFirst();
    }

    @Override
    public List<QueueEntry> queued(UUID departmentId, Instant now, QueuePolicy policy) {
        return em.createNamedQuery("QueueEntry.findQueued", QueueEntry.class)
                .setParameter("departmentId", departmentId)
                .setParameter("queued", QUEUED)
                .getResultStream().sorted(QueueOrder.at(now, policy)).toList();
    }

    @Override
    public List<QueueEntry> allQueued() {
        return em.createNamedQuery("QueueEntry.findAllQueued", QueueEntry.class)
                .setParameter("queued", QUEUED).getResultList();
    }

    @Override
    public Optional<QueueEntry> lockNextWaiting(UUID departmentId, Instant now, QueuePolicy policy) {
        @SuppressWarnings("unchecked")
        List<QueueEntry> next = em.createNativeQuery(NEXT_WAITING, QueueEntry.class)
                .setParameter("tenant", TenantContext.require())
                .setParameter("department", departmentId)
                .setParameter("vipBonus", policy.vipBonus())
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("aging", policy.agingSeconds())
                .getResultList();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        QueueEntry entry = next.get(0);
        em.refresh(entry); // a copy already in this context may be older than the row just locked
        return Optional.of(entry);
    }

    @Override
    public Optional<QueueEntry> lockIfFree(UUID entryId) {
        @SuppressWarnings("unchecked")
        List<QueueEntry> rows = em.createNativeQuery(
                        "select * from queue_entries where tenant_id = :tenant and id = :id for update skip locked", QueueEntry.class)
                .setParameter("tenant", TenantContext.require())
                .setParameter("id", entryId)
                .getResultList();
        rows.forEach(em::refresh);
        return rows.stream().findFirst();
    }

    @Override
    public List<QueueEntry> offersDue(Instant now) {
        return em.createNamedQuery("QueueEntry.findOfferDue", QueueEntry.class)
                .setParameter("offered", QueueState.OFFERED)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<QueueEntry> answeredBetween(Instant from, Instant until) {
        return em.createNamedQuery("QueueEntry.findAnsweredBetween", QueueEntry.class)
                .setParameter("from", from).setParameter("until", until).getResultList();
    }

    @Override
    public void store(AgentOffer offer) {
        if (!em.contains(offer)) {
            em.persist(offer);
        }
        em.flush();
    }

    @Override
    public Optional<AgentOffer> findOffer(UUID offerId) {
        return Optional.ofNullable(em.find(AgentOffer.class, offerId));
    }

    @Override
    public List<AgentOffer> offersBetween(Instant from, Instant until) {
        return em.createNamedQuery("AgentOffer.findBetween", AgentOffer.class)
                .setParameter("from", from).setParameter("until", until).getResultList();
    }

    @Override
    public List<com.voicecore.domain.model.queue.VipCaller> vipCallers() {
        return em.createNamedQuery("VipCaller.findAll", com.voicecore.domain.model.queue.VipCaller.class).getResultList();
    }

    @Override
    public Optional<com.voicecore.domain.model.queue.VipCaller> findVip(UUID id) {
        return Optional.ofNullable(em.find(com.voicecore.domain.model.queue.VipCaller.class, id));
    }

    @Override
    public void store(com.voicecore.domain.model.queue.VipCaller vip) {
        em.persist(vip);
        em.flush();
    }

    @Override
    public void remove(com.voicecore.domain.model.queue.VipCaller vip) {
        em.remove(vip);
        em.flush();
    }

    @Override
    public boolean isVip(String number) {
        return ((Number) em.createNativeQuery("select count(*) from vip_callers where tenant_id = :tenant and number = :number")
                .setParameter("tenant", TenantContext.require())
                .setParameter("number", number)
                .getSingleResult()).longValue() > 0;
    }

    @Override
    public long callsFrom(String number, Instant since) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from calls where tenant_id = :tenant and from_number = :number and started_at >= :since")
                .setParameter("tenant", TenantContext.require())
                .setParameter("number", number)
                .setParameter("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .getSingleResult()).longValue();
    }
}
