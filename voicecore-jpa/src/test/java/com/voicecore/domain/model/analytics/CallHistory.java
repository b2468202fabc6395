package com.voicecore.domain.model.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A generated tenant history for the analytics property: departments, agents, presence intervals and
 * calls with any mix of spam verdicts, routes, queue entries (every state, with waits around the
 * thresholds), offers, conversations and voicemails, with start times around the period's and the days'
 * edges. Inserted with plain SQL as the runtime role, row by row, as the application would leave them.
 */
record CallHistory(List<Dept> departments, List<AgentSpec> agents, List<Presence> presence, List<CallSpec> calls) {

    record Dept(UUID id, String name) {
    }

    record AgentSpec(UUID id, UUID departmentId, String name) {
    }

    record Presence(UUID agentId, String status, String activity, Instant start, Instant end) {
    }

    record Offer(UUID agentId, Instant offeredAt, String outcome) {
    }

    record Queue(UUID departmentId, String state, Instant enqueuedAt, Instant answeredAt, Instant endedAt, Integer talk,
                 Integer wrapUp, UUID agentId, List<Offer> offers) {
    }

    record Step(String step, String detail) {
    }

    /** {@code conversation}: null = none, "" = still open, otherwise its outcome. */
    record CallSpec(UUID id, boolean inbound, Instant startedAt, UUID departmentId, UUID agentId, String spamAction,
                    List<Step> route, Queue queue, String conversation, int voicemails) {
    }

    private static final String[] QUEUE_STATES = {"waiting", "offered", "bridging", "connected", "completed", "completed",
            "completed", "abandoned", "abandoned", "voicemail"};
    private static final String[] OUTCOMES = {"", "resolved", "resolved", "transferred", "message", "ended", "spam", "abandoned"};
    private static final String[] OFFER_OUTCOMES = {null, "accepted", "rejected", "missed", "withdrawn"};
    private static final int[] EDGE_WAITS = {0, 1, 2, 4, 5, 6, 9, 10, 11, 19, 20, 21, 29, 30, 31};
    private static final String[] STATUSES = {"available", "available", "busy", "not_available"};
    private static final String[] ACTIVITIES = {"idle", "idle", "offered", "on_call", "wrap_up", "away"};

    /**
     * A history for a period: {@code edges} are instants worth hitting exactly (the period's bounds, local
     * midnights, clock changes); calls start around them or anywhere from 3 hours before to 3 hours after.
     */
    static CallHistory generate(Random r, ReportPeriod period, List<Instant> edges, int callCount, Instant now) {
        List<Dept> departments = new ArrayList<>();
        int nd = 1 + r.nextInt(3);
        for (int i = 0; i < nd; i++) {
            departments.add(new Dept(UUID.randomUUID(), "Dept " + (char) ('A' + i)));
        }
        List<AgentSpec> agents = new ArrayList<>();
        int na = 1 + r.nextInt(4);
        for (int i = 0; i < na; i++) {
            UUID dept = r.nextInt(6) == 0 ? null : departments.get(r.nextInt(nd)).id();
            agents.add(new AgentSpec(UUID.randomUUID(), dept, "Agent " + (char) ('K' + i)));
        }
        long span = period.end().getEpochSecond() - period.start().getEpochSecond();
        List<Presence> presence = new ArrayList<>();
        for (AgentSpec a : agents) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                Instant start = period.start().plusSeconds(r.nextLong(-6 * 3600, span + 6 * 3600));
                Instant end = r.nextInt(4) == 0 ? null : start.plusSeconds(r.nextInt(10 * 3600));
                presence.add(new Presence(a.id(), pick(r, STATUSES), pick(r, ACTIVITIES), start, end));
            }
            if (r.nextInt(3) == 0) {
                // still idle since a moment around the report's time (after it: nothing to count yet)
                presence.add(new Presence(a.id(), "available", "idle", now.plusSeconds(r.nextInt(-3600, 3600)), null));
            }
        }
        List<CallSpec> calls = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            calls.add(call(r, period, edges, span, departments, agents));
        }
        return new CallHistory(departments, agents, presence, calls);
    }

    private static CallSpec call(Random r, ReportPeriod period, List<Instant> edges, long span, List<Dept> departments,
                                 List<AgentSpec> agents) {
        Instant started = r.nextInt(3) == 0
                ? edges.get(r.nextInt(edges.size())).plusSeconds(r.nextInt(3) - 1)
                : period.start().plusSeconds(r.nextLong(-3 * 3600, span + 3 * 3600));
        boolean inbound = r.nextInt(10) != 0;
        UUID department = r.nextInt(4) == 0 ? null : departments.get(r.nextInt(departments.size())).id();
        UUID agent = r.nextInt(3) == 0 ? null : agents.get(r.nextInt(agents.size())).id();
        List<Step> route = new ArrayList<>();
        route.add(new Step("credits", "100 of 500 minutes left"));
        String spamAction = switch (r.nextInt(10)) {
            case 0 -> "block";
            case 1 -> "challenge";
            case 2 -> null;
            default -> "allow";
        };
        route.add(new Step("spam", spamAction + " (score 10)"));
        if ("block".equals(spamAction) && r.nextBoolean()) {
            route.add(new Step("rejected", "blocked as spam"));
        }
        if ("challenge".equals(spamAction) && r.nextBoolean()) {
            route.add(new Step("challenge", "failed 3 times"));
            route.add(new Step("rejected", "spam challenge failed"));
        }
        String conversation = r.nextInt(5) < 3 ? pick(r, OUTCOMES) : null;
        if (conversation != null) {
            route.add(new Step("receptionist", "en, answered: opening hours"));
        }
        Queue queue = null;
        if (r.nextInt(5) < 3) {
            queue = queue(r, started, department != null ? department : departments.get(r.nextInt(departments.size())).id(),
                    agent, agents);
            route.add(new Step("queue", "Sales"));
            if (queue.answeredAt() != null && r.nextBoolean()) {
                route.add(new Step("agent", "answered"));
            }
        } else if (r.nextInt(3) == 0) {
            // a direct dial: answered, or not (then perhaps voicemail)
            route.add(new Step("agent", r.nextBoolean() ? "answered" : "Ann Agent: no-answer"));
        }
        if (r.nextInt(8) == 0) {
            route.add(new Step("agent", "answered by someone else")); // not the exact detail: not an answer
        }
        int voicemails = r.nextInt(5) == 0 ? 1 + r.nextInt(2) : 0;
        if (voicemails > 0) {
            route.add(new Step("voicemail", "Sales: nobody available"));
        }
        route.add(new Step("ended", "completed after 42 s"));
        return new CallSpec(UUID.randomUUID(), inbound, started, department, agent, spamAction, route, queue, conversation,
                voicemails);
    }

    private static Queue queue(Random r, Instant started, UUID department, UUID agent, List<AgentSpec> agents) {
        String state = pick(r, QUEUE_STATES);
        Instant enqueued = started.plusSeconds(r.nextInt(120));
        // waits mostly on and next to the thresholds (1, 5, 10, 20, 30 s), so both edges are hit exactly
        long wait = r.nextInt(4) == 0 ? r.nextInt(600) : EDGE_WAITS[r.nextInt(EDGE_WAITS.length)];
        Instant answered = null;
        Instant ended = null;
        Integer talk = null;
        Integer wrapUp = null;
        UUID queueAgent = null;
        switch (state) {
            case "bridging", "connected" -> {
                answered = enqueued.plusSeconds(wait);
                queueAgent = agent;
            }
            case "completed" -> {
                answered = enqueued.plusSeconds(wait);
                talk = r.nextInt(900);
                wrapUp = r.nextInt(4) == 0 ? 0 : r.nextInt(120);
                ended = answered.plusSeconds(talk);
                queueAgent = agent;
            }
            case "abandoned", "voicemail" -> ended = enqueued.plusSeconds(wait);
            default -> {
            }
        }
        List<Offer> offers = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            offers.add(new Offer(agents.get(r.nextInt(agents.size())).id(), enqueued.plusSeconds(i * 20L),
                    pick(r, OFFER_OUTCOMES)));
        }
        return new Queue(department, state, enqueued, answered, ended, talk, wrapUp, queueAgent, offers);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- into the database

    /** Inserts everything for {@code tenant} in one transaction, as the runtime role under the tenant's context. */
    void insert(Connection c, UUID tenant) throws SQLException {
        c.setAutoCommit(false);
        try {
            exec(c, "select set_config('app.current_tenant', ?, true)", tenant.toString());
            for (Dept d : departments) {
                exec(c, "insert into departments (id, tenant_id, name) values (?, ?, ?)", d.id(), tenant, d.name());
            }
            int n = 0;
            for (AgentSpec a : agents) {
                exec(c, "insert into agents (id, tenant_id, department_id, name, email) values (?, ?, ?, ?, ?)",
                        a.id(), tenant, a.departmentId(), a.name(), "agent" + (n++) + "@" + tenant + ".example");
            }
            for (Presence p : presence) {
                exec(c, "insert into agent_presence_log (tenant_id, agent_id, status, activity, started_at, ended_at)"
                        + " values (?, ?, ?, ?, ?, ?)", tenant, p.agentId(), p.status(), p.activity(), odt(p.start()), odt(p.end()));
            }
            for (CallSpec call : calls) {
                String sid = "CA" + call.id().toString().replace("-", "");
                String route = call.route().stream()
                        .map(s -> "{\"step\": \"" + s.step() + "\", \"detail\": \"" + s.detail() + "\", \"at\": \""
                                + call.startedAt() + "\"}")
                        .collect(Collectors.joining(", ", "[", "]"));
                exec(c, "insert into calls (id, tenant_id, twilio_call_sid, direction, from_number, to_number, department_id,"
                                + " agent_id, status, route, spam_action, spam_score, started_at) values (?, ?, ?, ?, '+4930123456',"
                                + " '+4930999999', ?, ?, 'completed', ?, ?, ?, ?)",
                        call.id(), tenant, sid, call.inbound() ? "inbound" : "outbound", call.departmentId(), call.agentId(),
                        route, call.spamAction(), call.spamAction() == null ? null : (short) 10, odt(call.startedAt()));
                Queue q = call.queue();
                if (q != null) {
                    UUID entry = UUID.randomUUID();
                    exec(c, "insert into queue_entries (id, tenant_id, department_id, call_id, call_sid, caller_number, state,"
                                    + " enqueued_at, agent_id, answered_at, ended_at, talk_seconds, wrap_up_seconds)"
                                    + " values (?, ?, ?, ?, ?, '+4930123456', ?, ?, ?, ?, ?, ?, ?)",
                            entry, tenant, q.departmentId(), call.id(), sid, q.state(), odt(q.enqueuedAt()), q.agentId(),
                            odt(q.answeredAt()), odt(q.endedAt()), q.talk(), q.wrapUp());
                    for (Offer o : q.offers()) {
                        exec(c, "insert into agent_offers (tenant_id, entry_id, agent_id, offered_at, ended_at, outcome)"
                                        + " values (?, ?, ?, ?, ?, ?)", tenant, entry, o.agentId(), odt(o.offeredAt()),
                                o.outcome() == null ? null : odt(o.offeredAt().plusSeconds(10)), o.outcome());
                    }
                }
                if (call.conversation() != null) {
                    exec(c, "insert into conversations (tenant_id, call_id, language, outcome, started_at) values (?, ?, 'en', ?, ?)",
                            tenant, call.id(), call.conversation().isEmpty() ? null : call.conversation(), odt(call.startedAt()));
                }
                for (int v = 0; v < call.voicemails(); v++) {
                    UUID department = call.departmentId() != null ? call.departmentId() : departments.get(0).id();
                    exec(c, "insert into voicemails (tenant_id, call_id, department_id, recording_sid, recording_url, duration_seconds,"
                                    + " created_at) values (?, ?, ?, ?, 'https://api.twilio.com/rec', 12, ?)",
                            tenant, call.id(), department, "RE" + UUID.randomUUID().toString().replace("-", ""),
                            odt(call.startedAt().plusSeconds(90 + 60L * v)));
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
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
