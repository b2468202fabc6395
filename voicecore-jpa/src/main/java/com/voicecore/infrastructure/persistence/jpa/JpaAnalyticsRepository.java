package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.AnalyticsRepository;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.Occupancy;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The analytics read model in SQL (docs/analytics.md is the specification): one pass over the period's
 * calls with their queue entry, conversation, voicemail and offers, grouped at once by period, local day,
 * local hour, department and agent (GROUPING SETS); one query for the offers per offered agent; one for
 * the available idle time. Row-level security confines every table to the transaction's tenant; the
 * explicit tenant predicates only let the planner use the tenant-leading indexes (V12).
 */
@ApplicationScoped
public class JpaAnalyticsRepository implements AnalyticsRepository {

    private static final String TENANT = "nullif(current_setting('app.current_tenant', true), '')::uuid";

    /** How far from its call's start a row about the call may lie (see {@link #historyCtes()}). */
    static final java.time.Duration HISTORY_SLACK = java.time.Duration.ofDays(1);

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaAnalyticsRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaAnalyticsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public AnalyticsReport report(ReportPeriod period, MetricThresholds thresholds, ReportScope scope, Instant now) {
        // Plan each statement for its own period: once the driver prepares them on the server, PostgreSQL may
        // switch to a generic plan that cannot see how many rows a time range holds and nests loops over a
        // month of offers (seconds instead of milliseconds, found by the analytics-sql benchmark). Local to
        // this transaction.
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        Map<String, CallFigures> byKey = new HashMap<>();
        Map<UUID, long[]> agentCalls = new HashMap<>();
        Map<UUID, double[]> agentWaits = new HashMap<>();
        for (Object[] r : rows(bind(em.createNativeQuery(figuresSql(scope)), period, thresholds, scope, true).getResultList())) {
            CallFigures f = figures(r, 6);
            boolean all = num(r[0]) == 1 && num(r[1]) == 1 && num(r[2]) == 1 && num(r[3]) == 1;
            if (all) {
                byKey.put("total", f);
            } else if (num(r[0]) == 0) {
                byKey.put("day:" + localDate(r[4]), f);
            } else if (num(r[1]) == 0) {
                byKey.put("hour:" + num(r[5]), f);
            } else if (num(r[2]) == 0) {
                if (r[6 + FIGURES] != null) {
                    byKey.put("department:" + r[6 + FIGURES], f);
                }
            } else if (r[7 + FIGURES] != null) {
                UUID agent = (UUID) r[7 + FIGURES];
                agentCalls.put(agent, new long[] {f.answered(), f.queueAnswered(), f.handled(), f.talkSeconds(), f.wrapUpSeconds()});
                agentWaits.put(agent, new double[] {f.waitSeconds()});
            }
        }
        Map<UUID, long[]> offers = new HashMap<>();
        for (Object[] r : rows(bind(em.createNativeQuery(offersSql(scope)), period, null, scope, false).getResultList())) {
            offers.put((UUID) r[0], new long[] {num(r[1]), num(r[2])});
        }
        Map<UUID, Double> idle = new HashMap<>();
        Query idleQuery = em.createNativeQuery("""
                select agent_id, sum(greatest(0, extract(epoch from least(coalesce(ended_at, :now), :end) - greatest(started_at, :start))))
                from agent_presence_log
                where tenant_id = %s and status = 'available' and activity = 'idle'
                  and coalesce(ended_at, cast('infinity' as timestamptz)) > :start and started_at < :end
                group by agent_id""".formatted(TENANT))
                .setParameter("start", odt(period.start())).setParameter("end", odt(period.end()))
                .setParameter("now", odt(now));
        for (Object[] r : rows(idleQuery.getResultList())) {
            idle.put((UUID) r[0], dbl(r[1]));
        }

        List<AgentFigures> agents = new ArrayList<>();
        for (Object[] r : rows(agentsQuery(scope).getResultList())) {
            UUID id = (UUID) r[0];
            long[] c = agentCalls.getOrDefault(id, new long[5]);
            long[] o = offers.getOrDefault(id, new long[2]);
            agents.add(new AgentFigures(id, (UUID) r[1], (String) r[2], c[0], c[1], agentWaits.getOrDefault(id, new double[1])[0],
                    c[2], c[3], c[4], o[0], o[1], idle.getOrDefault(id, 0.0)));
        }
        Occupancy total = Occupancy.NONE;
        for (AgentFigures a : agents) {
            total = total.plus(a.occupancy());
        }
        List<AnalyticsReport.DepartmentRow> departments = new ArrayList<>();
        for (Object[] r : rows(departmentsQuery(scope).getResultList())) {
            UUID id = (UUID) r[0];
            Occupancy occupancy = Occupancy.NONE;
            for (AgentFigures a : agents) {
                if (id.equals(a.departmentId())) {
                    occupancy = occupancy.plus(a.occupancy());
                }
            }
            departments.add(new AnalyticsReport.DepartmentRow(id, (String) r[1],
                    byKey.getOrDefault("department:" + id, CallFigures.NONE), occupancy));
        }
        List<AnalyticsReport.Day> days = new ArrayList<>();
        for (LocalDate d : period.days()) {
            days.add(new AnalyticsReport.Day(d, byKey.getOrDefault("day:" + d, CallFigures.NONE)));
        }
        List<AnalyticsReport.Hour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new AnalyticsReport.Hour(h, byKey.getOrDefault("hour:" + h, CallFigures.NONE)));
        }
        return new AnalyticsReport(period, thresholds, scope, now, byKey.getOrDefault("total", CallFigures.NONE), total,
                days, hours, departments, agents);
    }

    /** The number of figure columns {@link #figures} reads. */
    private static final int FIGURES = 18;

    /**
     * The period's inbound calls (with the scope's filters), each with what the definitions need to know
     * about it. {@code withAgent}: also restricted to the scope's agent.
     */
    private static String callsCte(ReportScope scope, boolean withAgent) {
        return """
                c as (
                    select c.id, c.department_id, c.agent_id, (c.started_at at time zone :zone) as local_start,
                           c.spam_blocked as blocked, c.person_answered as dial_answered
                    from calls c
                    where c.tenant_id = %s and c.direction = 'inbound' and not c.test_call
                      and c.started_at >= :start and c.started_at < :end%s%s
                )""".formatted(TENANT,
                scope.departmentId().isPresent() ? " and c.department_id = :department" : "",
                withAgent && scope.agentId().isPresent() ? " and c.agent_id = :agent" : "");
    }

    /**
     * What happened to the calls, each table read once for the period (hash-joined to the calls, not looked
     * up call by call): rows about a call are written while the call lives, so they lie within a day of
     * the period (the slack also covers clocks of different nodes); {@code :lo} and {@code :hi} bound them
     * and let the time indexes of V12 find them.
     */
    private static String historyCtes() {
        return """
                ,
                q as (
                    select id, call_id, state, enqueued_at, answered_at, ended_at, talk_seconds, wrap_up_seconds
                    from queue_entries
                    where tenant_id = %1$s and enqueued_at >= :lo and enqueued_at < :hi
                ),
                o as (
                    select entry_id, count(*) as offers, count(*) filter (where outcome in ('missed', 'rejected')) as missed
                    from agent_offers
                    where tenant_id = %1$s and offered_at >= :lo and offered_at < :hi
                    group by entry_id
                ),
                cv as (
                    select call_id, outcome from conversations
                    where tenant_id = %1$s and started_at >= :lo and started_at < :hi
                ),
                vm as (
                    select distinct call_id from voicemails
                    where tenant_id = %1$s and created_at >= :lo and created_at < :hi
                )""".formatted(TENANT);
    }

    private static String figuresSql(ReportScope scope) {
        return "with " + callsCte(scope, true) + historyCtes() + """
                ,
                f as (
                    select c.department_id, c.agent_id,
                           cast(c.local_start as date) as day, cast(extract(hour from c.local_start) as integer) as hour,
                           c.blocked,
                           not c.blocked and q.id is not null as queued,
                           not c.blocked and q.answered_at is not null and q.state in ('connected', 'completed') as queue_answered,
                           not c.blocked and q.state = 'abandoned' as abandoned,
                           not c.blocked and q.state = 'abandoned'
                               and extract(epoch from q.ended_at - q.enqueued_at) < :shortAbandon as short_abandoned,
                           not c.blocked and q.state = 'voicemail' as queue_voicemail,
                           extract(epoch from q.answered_at - q.enqueued_at) as wait,
                           not c.blocked and q.state = 'completed' as handled,
                           coalesce(q.talk_seconds, 0) as talk, coalesce(q.wrap_up_seconds, 0) as wrap_up,
                           not c.blocked and (c.dial_answered
                               or coalesce(q.answered_at is not null and q.state in ('connected', 'completed'), false)) as answered,
                           not c.blocked and vm.call_id is not null as voicemail,
                           case when c.blocked then 0 else coalesce(o.offers, 0) end as offers,
                           case when c.blocked then 0 else coalesce(o.missed, 0) end as missed_offers,
                           not c.blocked and cv.call_id is not null as reached,
                           not c.blocked and cv.outcome is not distinct from 'resolved' as contained
                    from c
                    left join q on q.call_id = c.id
                    left join o on o.entry_id = q.id
                    left join cv on cv.call_id = c.id
                    left join vm on vm.call_id = c.id
                )
                select grouping(day), grouping(hour), grouping(department_id), grouping(agent_id), day, hour,
                       count(*),
                       count(*) filter (where blocked),
                       count(*) filter (where answered),
                       count(*) filter (where voicemail),
                       count(*) filter (where queued),
                       count(*) filter (where queue_answered),
                       count(*) filter (where abandoned),
                       count(*) filter (where short_abandoned),
                       count(*) filter (where queue_voicemail),
                       count(*) filter (where queue_answered and wait <= :serviceLevel),
                       coalesce(sum(wait) filter (where queue_answered), 0),
                       count(*) filter (where handled),
                       coalesce(sum(talk) filter (where handled), 0),
                       coalesce(sum(wrap_up) filter (where handled), 0),
                       coalesce(sum(offers), 0),
                       coalesce(sum(missed_offers), 0),
                       count(*) filter (where reached),
                       count(*) filter (where contained),
                       department_id, agent_id
                from f
                group by grouping sets ((), (day), (hour), (department_id), (agent_id))""";
    }

    /** Offers per offered agent, over the scope's calls (without the agent filter: an agent's row keeps every offer). */
    private static String offersSql(ReportScope scope) {
        return "with " + callsCte(scope, false) + """
                ,
                q as (
                    select id, call_id from queue_entries
                    where tenant_id = %1$s and enqueued_at >= :lo and enqueued_at < :hi
                )
                select o.agent_id, count(*), count(*) filter (where o.outcome in ('missed', 'rejected'))
                from c
                join q on q.call_id = c.id
                join agent_offers o on o.entry_id = q.id
                where not c.blocked and o.tenant_id = %1$s and o.offered_at >= :lo and o.offered_at < :hi%2$s
                group by o.agent_id""".formatted(TENANT, scope.agentId().isPresent() ? " and o.agent_id = :agent" : "");
    }

    private Query bind(Query q, ReportPeriod period, MetricThresholds thresholds, ReportScope scope, boolean withAgent) {
        q.setParameter("zone", period.zone().getId())
                .setParameter("start", odt(period.start()))
                .setParameter("end", odt(period.end()))
                .setParameter("lo", odt(period.start().minus(HISTORY_SLACK)))
                .setParameter("hi", odt(period.end().plus(HISTORY_SLACK)));
        if (thresholds != null) {
            q.setParameter("shortAbandon", thresholds.shortAbandonSeconds())
                    .setParameter("serviceLevel", thresholds.serviceLevelSeconds());
        }
        scope.departmentId().ifPresent(d -> q.setParameter("department", d));
        // the offers query filters the offered agent instead of the call's agent
        scope.agentId().ifPresent(a -> q.setParameter("agent", a));
        return q;
    }

    private Query agentsQuery(ReportScope scope) {
        Query q = em.createNativeQuery("select id, department_id, name from agents where tenant_id = " + TENANT
                + (scope.departmentId().isPresent() ? " and department_id = :department" : "")
                + (scope.agentId().isPresent() ? " and id = :agent" : "") + " order by name, id");
        scope.departmentId().ifPresent(d -> q.setParameter("department", d));
        scope.agentId().ifPresent(a -> q.setParameter("agent", a));
        return q;
    }

    private Query departmentsQuery(ReportScope scope) {
        Query q = em.createNativeQuery("select id, name from departments where tenant_id = " + TENANT
                + (scope.departmentId().isPresent() ? " and id = :department" : "") + " order by name, id");
        scope.departmentId().ifPresent(d -> q.setParameter("department", d));
        return q;
    }

    private static CallFigures figures(Object[] r, int o) {
        return new CallFigures(num(r[o]), num(r[o + 1]), num(r[o + 2]), num(r[o + 3]), num(r[o + 4]), num(r[o + 5]),
                num(r[o + 6]), num(r[o + 7]), num(r[o + 8]), num(r[o + 9]), dbl(r[o + 10]), num(r[o + 11]), num(r[o + 12]),
                num(r[o + 13]), num(r[o + 14]), num(r[o + 15]), num(r[o + 16]), num(r[o + 17]));
    }

    /** A SQL date as the driver hands it over (java.sql.Date, or LocalDate with newer mappings). */
    private static LocalDate localDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }

    private static OffsetDateTime odt(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> list) {
        return (List<Object[]>) list;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static double dbl(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }
}
