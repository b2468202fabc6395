package com.voicecore.benchmark;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives an existing tenant a realistic call history in bulk (set-based SQL as the superuser, ~100,000 calls
 * in seconds): agents in each of its departments, and over {@code days} days from {@code firstDay} (in the
 * tenant's time zone, mostly in office hours, weekdays busier) calls that were spam-blocked, contained by
 * the receptionist, lost in the conversation, queued (answered with talk and wrap-up, abandoned, or sent
 * to voicemail, with offers and the odd missed offer) or dialled straight to an agent; each agent's
 * presence intervals (idle and on calls) on every day. For the analytics benchmark and the console's.
 *
 * <p>Shares (of all calls): spam blocked 3 %, contained by the receptionist 30 %, ended in the conversation
 * 7 %, queued 50 % (of which 82 % answered, 10 % abandoned, 8 % voicemail), direct dials 10 % (70 % answered).
 * Deterministic for a given {@code seed}.
 */
public final class CallHistorySeeder {

    /** What was seeded, and how long it took. */
    public record Seeded(UUID tenant, int calls, LocalDate firstDay, int days, ZoneId zone, List<UUID> departments,
                         List<UUID> agents, Map<String, Long> rows, long millis) {
    }

    private CallHistorySeeder() {
    }

    /**
     * Seeds {@code tenant} (which must exist and have at least one department).
     *
     * @param superuser a data source that bypasses row-level security (the cluster superuser)
     */
    public static Seeded seed(DataSource superuser, UUID tenant, int calls, LocalDate firstDay, int days, ZoneId zone,
                              int agentsPerDepartment, double seed) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = superuser.getConnection()) {
            c.setAutoCommit(false);
            List<UUID> departments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from departments where tenant_id = ? order by name, id")) {
                ps.setObject(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        departments.add((UUID) rs.getObject(1));
                    }
                }
            }
            if (departments.isEmpty()) {
                throw new IllegalArgumentException("Tenant " + tenant + " has no department");
            }
            // agents in department order: agent k of department d is agents[d * perDepartment + k]
            List<UUID> agents = new ArrayList<>();
            for (UUID d : departments) {
                for (int k = 0; k < agentsPerDepartment; k++) {
                    UUID id = UUID.randomUUID();
                    exec(c, "insert into agents (id, tenant_id, department_id, name, email, status) values (?, ?, ?, ?, ?, 'available')",
                            id, tenant, d, "Bench Agent " + (agents.size() + 1), "bench-" + id + "@example.com");
                    agents.add(id);
                }
            }
            Array deptArray = c.createArrayOf("uuid", departments.toArray());
            Array agentArray = c.createArrayOf("uuid", agents.toArray());
            exec(c, "select setseed(?)", seed);
            // one row per call: what happened to it, decided once
            exec(c, """
                    create temp table seed_calls on commit drop as
                    select g, gen_random_uuid() as id, kind, sub,
                           1 + floor(d * cardinality(cast(? as uuid[])))::int as dept,
                           floor(a * ?)::int as agent_slot,
                           (cast(? as date) + day_offset + make_interval(secs => secs)) at time zone ? as started_at,
                           wait, talk, wrap_up
                    from (select g, random() as kind, random() as sub, random() as d, random() as a,
                                 floor(random() * ?)::int as day_offset,
                                 -- office hours mostly: 07:00-19:00 local, a few calls at night
                                 case when random() < 0.93 then 25200 + random() * 43200 else random() * 86400 end as secs,
                                 case when random() < 0.7 then random() * 25 else random() * 240 end as wait,
                                 30 + floor(random() * random() * 900)::int as talk,
                                 floor(random() * 60)::int as wrap_up
                          from generate_series(1, ?) g) s""",
                    deptArray, agentsPerDepartment, firstDay, zone.getId(), days, calls);
            // kinds: < .03 spam, < .33 contained, < .40 ended in the conversation, < .90 queued, else direct dial
            exec(c, """
                    insert into calls (id, tenant_id, twilio_call_sid, direction, from_number, to_number, department_id, agent_id,
                                       status, route, spam_action, spam_score, started_at, answered_at, ended_at, duration_seconds)
                    select s.id, ?, 'CA' || replace(s.id::text, '-', ''), 'inbound',
                           '+1212' || lpad((g % 9000000 + 1000000)::text, 7, '0'), '+12125550100',
                           case when kind >= .40 then (cast(? as uuid[]))[dept] end,
                           case when (kind >= .40 and kind < .90 and sub < .82) or (kind >= .90)
                                then (cast(? as uuid[]))[(dept - 1) * ? + agent_slot + 1] end,
                           'completed',
                           -- each step stamped with the call's start, as Call.recordStep writes them
                           (select jsonb_agg(e || jsonb_build_object('at', to_char(s.started_at at time zone 'UTC',
                                   'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) from jsonb_array_elements(
                           case when kind < .03 then '[{"step": "spam", "detail": "block"}, {"step": "rejected", "detail": "blocked as spam"}]'
                                when kind < .40 then '[{"step": "spam", "detail": "allow"}, {"step": "receptionist", "detail": "en"}]'
                                when kind < .90 then '[{"step": "spam", "detail": "allow"}, {"step": "receptionist", "detail": "en"}, {"step": "queue", "detail": "dept"}]'
                                when sub < .70 then '[{"step": "spam", "detail": "allow"}, {"step": "extension", "detail": "101"}, {"step": "agent", "detail": "answered"}]'
                                else '[{"step": "spam", "detail": "allow"}, {"step": "extension", "detail": "101"}, {"step": "agent", "detail": "no-answer"}, {"step": "voicemail", "detail": "dept"}]'
                           end::jsonb) e),
                           case when kind < .03 then 'block' else 'allow' end, case when kind < .03 then 95 else 5 end,
                           s.started_at, s.started_at, s.started_at + make_interval(secs => 20 + wait + talk), (20 + wait + talk)::int
                    from seed_calls s""", tenant, deptArray, agentArray, agentsPerDepartment);
            exec(c, """
                    insert into conversations (tenant_id, call_id, language, outcome, started_at, finished_at)
                    select ?, id, 'en',
                           case when kind < .33 then 'resolved' when kind < .40 then (array['ended', 'abandoned'])[1 + floor(sub * 2)::int]
                                else 'transferred' end,
                           started_at, started_at + interval '40 seconds'
                    from seed_calls where kind >= .03 and kind < .90""", tenant);
            exec(c, """
                    insert into queue_entries (id, tenant_id, department_id, call_id, call_sid, caller_number, state, enqueued_at,
                                               agent_id, answered_at, ended_at, talk_seconds, wrap_up_seconds, offers_made)
                    select gen_random_uuid(), c.tenant_id, c.department_id, c.id, c.twilio_call_sid, c.from_number,
                           case when s.sub < .82 then 'completed' when s.sub < .92 then 'abandoned' else 'voicemail' end,
                           c.started_at + interval '20 seconds',
                           c.agent_id,
                           case when s.sub < .82 then c.started_at + make_interval(secs => 20 + s.wait) end,
                           c.started_at + make_interval(secs => 20 + s.wait + case when s.sub < .82 then s.talk else 0 end),
                           case when s.sub < .82 then s.talk end, case when s.sub < .82 then s.wrap_up end,
                           case when s.sub < .82 then 1 else 0 end
                    from seed_calls s join calls c on c.id = s.id
                    where s.kind >= .40 and s.kind < .90""");
            // the accepted offer of each answered call, and now and then a missed one to a colleague before it
            exec(c, """
                    insert into agent_offers (tenant_id, entry_id, agent_id, offered_at, ended_at, outcome)
                    select q.tenant_id, q.id, q.agent_id, q.answered_at - interval '2 seconds', q.answered_at, 'accepted'
                    from queue_entries q where q.tenant_id = ? and q.state = 'completed'
                    union all
                    select q.tenant_id, q.id, (cast(? as uuid[]))[1 + floor(random() * cardinality(cast(? as uuid[])))::int],
                           q.enqueued_at, q.enqueued_at + interval '20 seconds', 'missed'
                    from queue_entries q where q.tenant_id = ? and random() < 0.15""", tenant, agentArray, agentArray, tenant);
            exec(c, """
                    insert into voicemails (tenant_id, call_id, department_id, agent_id, recording_sid, recording_url, duration_seconds, created_at)
                    select c.tenant_id, c.id, coalesce(c.department_id, (cast(? as uuid[]))[1]), null,
                           'RE' || replace(c.id::text, '-', ''), 'https://api.twilio.com/recordings/RE' || replace(c.id::text, '-', ''),
                           5 + floor(random() * 60)::int, c.ended_at
                    from seed_calls s join calls c on c.id = s.id
                    where (s.kind >= .40 and s.kind < .90 and s.sub >= .92) or (s.kind >= .90 and s.sub >= .70)""", deptArray);
            // every working day each agent: available and idle, on calls, away at lunch, idle again
            exec(c, """
                    insert into agent_presence_log (tenant_id, agent_id, status, activity, started_at, ended_at)
                    select ?, a.agent, p.status::agent_status, p.activity,
                           (cast(? as date) + d + p.from_time) at time zone ?, (cast(? as date) + d + p.to_time) at time zone ?
                    from unnest(cast(? as uuid[])) as a(agent)
                    cross join generate_series(0, ? - 1) as d
                    cross join (values ('available', 'idle', time '08:00', time '10:00'),
                                       ('busy', 'on_call', time '10:00', time '12:00'),
                                       ('not_available', 'away', time '12:00', time '13:00'),
                                       ('available', 'idle', time '13:00', time '15:30'),
                                       ('busy', 'on_call', time '15:30', time '17:00')) as p(status, activity, from_time, to_time)
                    where extract(isodow from cast(? as date) + d) < 6""",
                    tenant, firstDay, zone.getId(), firstDay, zone.getId(), agentArray, days, firstDay);
            c.commit();
            c.setAutoCommit(true);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : List.of("calls", "queue_entries", "agent_offers", "conversations", "voicemails", "agent_presence_log")) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    ps.setObject(1, tenant);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                // a settled history, as autovacuum leaves it: statistics, and pages marked all-visible so the
                // report's covering index (V13) is read without visiting the rows
                st.execute("vacuum (analyze) calls, queue_entries, agent_offers, conversations, voicemails, agent_presence_log, agents, departments");
            }
            return new Seeded(tenant, calls, firstDay, days, zone, departments, agents, rows, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }
}
