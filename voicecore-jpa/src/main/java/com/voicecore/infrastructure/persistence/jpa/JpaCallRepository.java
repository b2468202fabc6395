package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallCriteria;
import com.voicecore.domain.model.call.CallEvent;
import com.voicecore.domain.model.call.CallPage;
import com.voicecore.domain.model.call.CallRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaCallRepository implements CallRepository {

    /** The tenant the row belongs to is the transaction's tenant, exactly what RLS checks. */
    private static final String CURRENT_TENANT = "nullif(current_setting('app.current_tenant', true), '')::uuid";

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaCallRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaCallRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Call> find(UUID id) {
        return Optional.ofNullable(em.find(Call.class, id));
    }

    @Override
    public Optional<Call> findBySid(String twilioCallSid) {
        return em.createNamedQuery("Call.findBySid", Call.class)
                .setParameter("sid", twilioCallSid)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Call> lockBySid(String twilioCallSid) {
        return em.createNamedQuery("Call.findBySid", Call.class)
                .setParameter("sid", twilioCallSid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public Call storeIfNew(Call call) {
        // ON CONFLICT instead of persist: two deliveries of one webhook must not abort each other
        em.createNativeQuery("insert into calls (id, tenant_id, twilio_call_sid, direction, from_number, to_number, "
                        + "status, stir_verstat, call_token, started_at, created_at) "
                        + "values (?1, " + CURRENT_TENANT + ", ?2, 'inbound', ?3, ?4, 'ringing', ?5, ?6, ?7, ?8) "
                        + "on conflict (twilio_call_sid) do nothing")
                .setParameter(1, call.id())
                .setParameter(2, call.twilioCallSid())
                .setParameter(3, call.fromNumber())
                .setParameter(4, call.toNumber())
                .setParameter(5, call.stirVerstat().orElse(null))
                .setParameter(6, call.callToken().orElse(null))
                .setParameter(7, Timestamp.from(call.startedAt()))
                .setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
        return lockBySid(call.twilioCallSid())
                .orElseThrow(() -> new IllegalStateException("Call SID " + call.twilioCallSid() + " belongs to another account"));
    }

    @Override
    public void store(Call call) {
        em.persist(call);
    }

    @Override
    public int countRecentFrom(String from, Instant since, String exceptSid) {
        return em.createNamedQuery("Call.countRecentFrom", Long.class)
                .setParameter("from", from)
                .setParameter("since", since)
                .setParameter("sid", exceptSid)
                .getSingleResult().intValue();
    }

    @Override
    public boolean recordEvent(Call call, String event, String status, Integer sequenceNumber, Instant occurredAt,
                               String detailJson) {
        int inserted = em.createNativeQuery("insert into call_events (id, tenant_id, call_id, event, status, "
                        + "sequence_number, occurred_at, detail) "
                        + "values (?1, " + CURRENT_TENANT + ", ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb)) "
                        + "on conflict (call_id, event, sequence_number) where sequence_number is not null do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, call.id())
                .setParameter(3, event)
                .setParameter(4, status)
                .setParameter(5, sequenceNumber)
                .setParameter(6, Timestamp.from(occurredAt))
                .setParameter(7, detailJson)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public void appendStep(UUID callId, com.voicecore.domain.model.call.RouteStep step) {
        em.createNativeQuery("update calls set route = route || jsonb_build_array(cast(?1 as jsonb)) where id = ?2")
                .setParameter(1, step.toJson())
                .setParameter(2, callId)
                .executeUpdate();
    }

    @Override
    public List<CallEvent> events(Call call) {
        return em.createNamedQuery("CallEvent.forCall", CallEvent.class)
                .setParameter("callId", call.id())
                .getResultList();
    }

    @Override
    public CallPage search(CallCriteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        criteria.since().ifPresent(v -> add(where, parameters, "c.startedAt >= :since", "since", v));
        criteria.until().ifPresent(v -> add(where, parameters, "c.startedAt < :until", "until", v));
        criteria.status().ifPresent(v -> add(where, parameters, "c.status = :status", "status", v));
        criteria.departmentId().ifPresent(v -> add(where, parameters, "c.departmentId = :department", "department", v));
        criteria.agentId().ifPresent(v -> add(where, parameters, "c.agentId = :agent", "agent", v));
        criteria.number().ifPresent(v -> add(where, parameters, "(c.fromNumber = :number or c.toNumber = :number)", "number", v));
        criteria.direction().ifPresent(v -> add(where, parameters, "c.direction = :direction", "direction", v));

        TypedQuery<Long> count = em.createQuery("select count(c) from Call c" + where, Long.class);
        TypedQuery<Call> select = em.createQuery("select c from Call c" + where + " order by c.startedAt desc, c.id", Call.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        List<Call> calls = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new CallPage(calls, count.getSingleResult(), page, size);
    }

    private static void add(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        where.append(" and ").append(clause);
        parameters.put(name, value);
    }
}
