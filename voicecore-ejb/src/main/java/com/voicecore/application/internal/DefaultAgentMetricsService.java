package com.voicecore.application.internal;

import com.voicecore.application.AgentMetrics;
import com.voicecore.application.AgentMetricsService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sums the queue history (answered calls with talk and wrap-up time), the offers, and the presence
 * intervals (idle time while available) over the range, in three grouped queries.
 */
@Stateless
public class DefaultAgentMetricsService implements AgentMetricsService {

    private static final Duration MAX_RANGE = Duration.ofDays(366);

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Inject
    AgentRepository agents;

    @Inject
    DepartmentRepository departments;

    @Inject
    Clock clock;

    record Sums(long handled, long talk, long wrapUp, long idle, long offers, long missed) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0);

        Sums plus(Sums o) {
            return new Sums(handled + o.handled, talk + o.talk, wrapUp + o.wrapUp, idle + o.idle, offers + o.offers,
                    missed + o.missed);
        }
    }

    @Override
    public List<AgentMetrics> perAgent(Instant from, Instant until, Optional<UUID> departmentId) {
        Map<UUID, Sums> sums = sums(from, until);
        List<Agent> list = departmentId.map(agents::findByDepartment).orElseGet(agents::findAll);
        return list.stream().map(a -> metrics(a.id(), a.departmentId().orElse(null), a.name(),
                sums.getOrDefault(a.id(), Sums.NONE))).toList();
    }

    @Override
    public List<AgentMetrics> perDepartment(Instant from, Instant until) {
        Map<UUID, Sums> sums = sums(from, until);
        List<AgentMetrics> result = new ArrayList<>();
        for (Department d : departments.findAll()) {
            Sums total = Sums.NONE;
            for (Agent a : agents.findByDepartment(d.id())) {
                total = total.plus(sums.getOrDefault(a.id(), Sums.NONE));
            }
            result.add(metrics(null, d.id(), d.name(), total));
        }
        return result;
    }

    private static AgentMetrics metrics(UUID agent, UUID department, String name, Sums s) {
        long handle = s.talk() + s.wrapUp();
        return new AgentMetrics(agent, department, name, s.handled(), s.talk(), s.wrapUp(), handle,
                s.handled() == 0 ? null : (double) handle / s.handled(), s.idle(),
                handle + s.idle() == 0 ? null : 100.0 * handle / (handle + s.idle()), s.offers(), s.missed());
    }

    private Map<UUID, Sums> sums(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            throw new InvalidValueException("from", "'from' must lie before 'until'");
        }
        if (Duration.between(from, until).compareTo(MAX_RANGE) > 0) {
            throw new InvalidValueException("until", "A range covers at most 366 days");
        }
        UUID tenant = TenantContext.require();
        OffsetDateTime f = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime u = OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<UUID, long[]> acc = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select agent_id, count(*), coalesce(sum(talk_seconds), 0), coalesce(sum(wrap_up_seconds), 0)
                from queue_entries where tenant_id = :t and state = 'completed' and agent_id is not null
                  and answered_at >= :f and answered_at < :u group by agent_id""")
                .setParameter("t", tenant).setParameter("f", f).setParameter("u", u).getResultList())) {
            long[] a = acc.computeIfAbsent((UUID) r[0], k -> new long[6]);
            a[0] = num(r[1]);
            a[1] = num(r[2]);
            a[2] = num(r[3]);
        }
        // idle while available: each interval clipped to the range (an open one runs until now)
        for (Object[] r : rows(em.createNativeQuery("""
                select agent_id, coalesce(sum(extract(epoch from (least(coalesce(ended_at, :now), :u) - greatest(started_at, :f)))), 0)
                from agent_presence_log where tenant_id = :t and status = 'available' and activity = 'idle'
                  and started_at < :u and coalesce(ended_at, :now) > :f group by agent_id""")
                .setParameter("t", tenant).setParameter("f", f).setParameter("u", u).setParameter("now", now)
                .getResultList())) {
            acc.computeIfAbsent((UUID) r[0], k -> new long[6])[3] = Math.max(0, num(r[1]));
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select agent_id, count(*), count(*) filter (where outcome in ('missed', 'rejected'))
                from agent_offers where tenant_id = :t and offered_at >= :f and offered_at < :u group by agent_id""")
                .setParameter("t", tenant).setParameter("f", f).setParameter("u", u).getResultList())) {
            long[] a = acc.computeIfAbsent((UUID) r[0], k -> new long[6]);
            a[4] = num(r[1]);
            a[5] = num(r[2]);
        }
        Map<UUID, Sums> result = new HashMap<>();
        acc.forEach((k, a) -> result.put(k, new Sums(a[0], a[1], a[2], a[3], a[4], a[5])));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> list) {
        return (List<Object[]>) list;
    }

    private static long num(Object o) {
        return o == null ? 0 : Math.round(((Number) o).doubleValue());
    }
}
