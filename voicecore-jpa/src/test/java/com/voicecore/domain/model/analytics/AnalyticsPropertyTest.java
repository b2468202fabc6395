package com.voicecore.domain.model.analytics;

import com.voicecore.infrastructure.persistence.jpa.JpaAnalyticsRepository;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import com.voicecore.testsupport.PooledDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

/**
 * Property 20 over the real schema: a generated call history inserted into PostgreSQL gives, through the
 * SQL read model ({@link JpaAnalyticsRepository}, as the runtime role under row-level security), exactly
 * the report that {@link AnalyticsReference} (docs/analytics.md computed in memory) expects, for any time
 * zone, period, scope and thresholds. A neighbour tenant's busy history in the same hours never shows.
 */
class AnalyticsPropertyTest {

    /** Zones with daylight saving (northern and southern, half-hour and 45-minute offsets) and without. */
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu");
    /** First days near the 2026 clock changes of those zones, and an ordinary day. */
    private static final List<LocalDate> BASE_DAYS = List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 4, 5), LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 25),
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 1, 14));

    private static EmbeddedDatabase db;
    private static PooledDataSource app;
    private static OrmHarness orm;
    private static UUID neighbour;
    private static final AtomicInteger EXAMPLES = new AtomicInteger();
    /** How often the generated histories hit the edges the definitions draw (checked at the end). */
    private static final AtomicInteger WAIT_ON_THRESHOLD = new AtomicInteger();
    private static final AtomicInteger ABANDON_ON_CUTOFF = new AtomicInteger();
    private static final AtomicInteger IDLE_OPEN_AFTER_NOW = new AtomicInteger();
    private static final AtomicInteger CALL_ON_PERIOD_EDGE = new AtomicInteger();

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.start(Path.of(System.getProperty("voicecore.work.dir", "target/voicecore-work"),
                "analytics-property-test"), 0, false).migrate();
        app = new PooledDataSource(db.appDataSource(), 4);
        orm = new OrmHarness(app);
        // a neighbour with calls in every period the examples look at: none of it may ever be counted
        neighbour = tenant("Neighbour");
        ReportPeriod year = ReportPeriod.ofDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ZoneId.of("UTC"));
        List<Instant> busyDays = BASE_DAYS.stream().map(d -> d.atStartOfDay(ZoneId.of("UTC")).toInstant()).toList();
        try (Connection c = app.getConnection()) {
            CallHistory.generate(new Random(7), year, busyDays, 600, year.end()).insert(c, neighbour);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (orm != null) {
            orm.close();
        }
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    record Example(String zone, LocalDate from, int days, int calls, long seed) {
    }

    private static Gen<Example> examples() {
        return SourceDSL.integers().between(0, ZONES.size() - 1)
                .zip(SourceDSL.integers().between(0, BASE_DAYS.size() - 1), SourceDSL.integers().between(-1, 1),
                        SourceDSL.integers().between(1, 4),
                        (z, d, shift, days) -> new Object[] {ZONES.get(z), BASE_DAYS.get(d).plusDays(shift), days})
                .zip(SourceDSL.integers().between(0, 30), SourceDSL.longs().all(),
                        (o, calls, seed) -> new Example((String) o[0], (LocalDate) o[1], (Integer) o[2], calls, seed));
    }

    @Test
    @DisplayName("Property 20: Analytics Generation")
    void generatedCallHistoriesGiveExactlyTheDefinedMetrics() {
        qt().withExamples(120).forAll(examples()).checkAssert(example -> {
            EXAMPLES.incrementAndGet();
            Random r = new Random(example.seed());
            ZoneId zone = ZoneId.of(example.zone());
            ReportPeriod period = ReportPeriod.ofDates(example.from(), example.from().plusDays(example.days() - 1), zone);
            Instant now = period.end().plusSeconds(r.nextLong(-12 * 3600, 24 * 3600));
            CallHistory history = CallHistory.generate(r, period, edges(period), example.calls(), now);
            UUID tenant = insert(history);
            MetricThresholds thresholds = new MetricThresholds(new int[] {20, 20, 10, 30, 1}[r.nextInt(5)],
                    new int[] {5, 5, 0, 10}[r.nextInt(4)]);
            ReportScope scope = switch (r.nextInt(5)) {
                case 0 -> new ReportScope(Optional.of(history.departments().get(r.nextInt(history.departments().size())).id()),
                        Optional.empty());
                case 1 -> new ReportScope(Optional.empty(), Optional.of(history.agents().get(r.nextInt(history.agents().size())).id()));
                default -> ReportScope.TENANT;
            };
            coverage(history, period, thresholds, now);

            AnalyticsReport report = orm.inTenant(tenant, em -> new JpaAnalyticsRepository(em).report(period, thresholds, scope, now));

            Map<String, Object> expected = AnalyticsReference.report(history, period, thresholds, scope, now);
            assertSame(expected, shape(report), "report", example + " " + scope + " " + thresholds);
            assertEquals(period.days().size(), report.days().size());
            assertEquals(24, report.hours().size());
        });
        assertTrue(EXAMPLES.get() >= 100, "at least 100 generated histories, ran " + EXAMPLES.get());
        // the generator must reach the edges, or the property would pass whatever side of them the SQL puts a call
        assertTrue(WAIT_ON_THRESHOLD.get() >= 10, "queue waits exactly on the service-level threshold: " + WAIT_ON_THRESHOLD);
        assertTrue(ABANDON_ON_CUTOFF.get() >= 5, "abandons exactly on the short-abandon cutoff: " + ABANDON_ON_CUTOFF);
        assertTrue(IDLE_OPEN_AFTER_NOW.get() >= 3, "open idle intervals starting after the report's time: " + IDLE_OPEN_AFTER_NOW);
        assertTrue(CALL_ON_PERIOD_EDGE.get() >= 10, "calls starting exactly at the period's start or end: " + CALL_ON_PERIOD_EDGE);
    }

    private static void coverage(CallHistory h, ReportPeriod period, MetricThresholds t, Instant now) {
        for (CallHistory.CallSpec c : h.calls()) {
            CallHistory.Queue q = c.queue();
            if (c.startedAt().equals(period.start()) || c.startedAt().equals(period.end())) {
                CALL_ON_PERIOD_EDGE.incrementAndGet();
            }
            if (q != null && q.answeredAt() != null && q.answeredAt().getEpochSecond() - q.enqueuedAt().getEpochSecond() == t.serviceLevelSeconds()) {
                WAIT_ON_THRESHOLD.incrementAndGet();
            }
            if (q != null && q.state().equals("abandoned")
                    && q.endedAt().getEpochSecond() - q.enqueuedAt().getEpochSecond() == t.shortAbandonSeconds()) {
                ABANDON_ON_CUTOFF.incrementAndGet();
            }
        }
        for (CallHistory.Presence p : h.presence()) {
            if (p.end() == null && p.start().isAfter(now) && p.start().isBefore(period.end())
                    && p.status().equals("available") && p.activity().equals("idle")) {
                IDLE_OPEN_AFTER_NOW.incrementAndGet();
            }
        }
    }

    /** Hand-computed figures, so the reference itself is checked against arithmetic done on paper. */
    @Test
    void aSmallDayComputedByHand() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReportPeriod day = ReportPeriod.ofDates(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), berlin);
        assertEquals(23 * 3600, day.end().getEpochSecond() - day.start().getEpochSecond(), "the spring day has 23 hours");
        Instant nine = LocalDate.of(2026, 3, 29).atTime(9, 0).atZone(berlin).toInstant();
        UUID sales = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        List<CallHistory.CallSpec> calls = new ArrayList<>();
        // answered after 10 s and 30 s (talk 100 + 20 wrap-up, 200 + 0), abandoned after 3 s (short) and 8 s
        calls.add(queued(nine, sales, ann, "completed", 10, 100, 20));
        calls.add(queued(nine.plusSeconds(60), sales, ann, "completed", 30, 200, 0));
        calls.add(queued(nine.plusSeconds(120), sales, null, "abandoned", 3, null, null));
        calls.add(queued(nine.plusSeconds(180), sales, null, "abandoned", 8, null, null));
        // a spam-blocked call that also (oddly) has a queue entry: counted as a call and spam only
        calls.add(new CallHistory.CallSpec(UUID.randomUUID(), true, nine, sales, null, "block", List.of(),
                queued(nine, sales, null, "abandoned", 1, null, null).queue(), "resolved", 1));
        // contained by the receptionist, and one it passed on
        calls.add(new CallHistory.CallSpec(UUID.randomUUID(), true, nine, null, null, "allow", List.of(), null, "resolved", 0));
        calls.add(new CallHistory.CallSpec(UUID.randomUUID(), true, nine, null, null, "allow", List.of(), null, "transferred", 1));
        // the day before (local) and an outbound leg: not counted
        calls.add(new CallHistory.CallSpec(UUID.randomUUID(), true, day.start().minusSeconds(1), null, null, "allow", List.of(), null, null, 0));
        calls.add(new CallHistory.CallSpec(UUID.randomUUID(), false, nine, null, null, null, List.of(), null, null, 0));
        CallHistory h = new CallHistory(List.of(new CallHistory.Dept(sales, "Sales")),
                List.of(new CallHistory.AgentSpec(ann, sales, "Ann")),
                List.of(new CallHistory.Presence(ann, "available", "idle", day.start().minusSeconds(600), day.start().plusSeconds(1000))),
                calls);
        UUID tenant = insert(h);
        // a console test call ("Try a call"), answered by a person: nobody called, so no figure counts it
        orm.inTenant(tenant, em -> em.createNativeQuery("""
                insert into calls (tenant_id, twilio_call_sid, direction, from_number, to_number, status, route, metadata, started_at)
                values (?1, 'CAtestcall', 'inbound', '+4930123456', '+4930999999', 'completed',
                        '[{"step": "agent", "detail": "answered"}]', '{"test_call": true}', ?2)""")
                .setParameter(1, tenant).setParameter(2, java.time.OffsetDateTime.ofInstant(nine, java.time.ZoneOffset.UTC))
                .executeUpdate());
        AnalyticsReport report = orm.inTenant(tenant, em -> {
            AnalyticsReport r = new JpaAnalyticsRepository(em).report(day, MetricThresholds.DEFAULTS, ReportScope.TENANT, day.end());
            // generic plans turned a department's month into seconds (docs/benchmarks.md section 7): custom plans only
            assertEquals("force_custom_plan", em.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult());
            return r;
        });
        CallFigures t = report.totals();
        assertEquals(7, t.calls());
        assertEquals(1, t.spamBlocked());
        assertEquals(2, t.answered());
        assertEquals(4, t.queued());
        assertEquals(2, t.abandoned());
        assertEquals(1, t.shortAbandoned());
        assertEquals(1, t.answeredWithinThreshold());
        assertEquals(20.0, t.averageSpeedOfAnswerSeconds(), 1e-9);
        assertEquals(100.0 / 3, t.serviceLevelPercent(), 1e-9, "1 within 20 s of 2 answered + 2 abandoned - 1 short");
        assertEquals(50.0, t.abandonmentRatePercent(), 1e-9);
        assertEquals(160.0, t.averageHandleSeconds(), 1e-9, "(120 + 200) / 2");
        assertEquals(1, t.voicemail(), "the spam-blocked call's voicemail does not count");
        assertEquals(2, t.reachedReceptionist());
        assertEquals(50.0, t.containmentPercent(), 1e-9);
        assertEquals(100.0 * 320 / (320 + 1000), report.occupancy().percent(), 1e-9, "idle cut at the day's start");
        assertEquals(7, report.hours().get(9).figures().calls(), "09:00 local, although 08:00 UTC");
        AnalyticsReport empty = orm.inTenant(tenant, em -> new JpaAnalyticsRepository(em)
                .report(ReportPeriod.ofDates(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1), berlin),
                        MetricThresholds.DEFAULTS, ReportScope.TENANT, day.end()));
        assertEquals(0, empty.totals().calls());
        assertNull(empty.totals().serviceLevelPercent(), "no denominator: no rate");
        assertNull(empty.totals().averageSpeedOfAnswerSeconds());
    }

    private static CallHistory.CallSpec queued(Instant at, UUID department, UUID agent, String state, int wait, Integer talk,
                                               Integer wrapUp) {
        Instant answered = state.equals("completed") ? at.plusSeconds(wait) : null;
        Instant ended = answered != null ? answered.plusSeconds(talk) : at.plusSeconds(wait);
        return new CallHistory.CallSpec(UUID.randomUUID(), true, at, department, agent, "allow",
                List.of(new CallHistory.Step("queue", "Sales")),
                new CallHistory.Queue(department, state, at, answered, ended, talk, wrapUp, agent, List.of()), null, 0);
    }

    /** The instants worth hitting exactly: the period's bounds, every local midnight, an hour's edge. */
    private static List<Instant> edges(ReportPeriod period) {
        List<Instant> edges = new ArrayList<>();
        edges.add(period.start());
        edges.add(period.end());
        for (LocalDate d : period.days()) {
            edges.add(d.atStartOfDay(period.zone()).toInstant());
            edges.add(d.atTime(2, 0).atZone(period.zone()).toInstant());
            edges.add(d.atTime(3, 0).atZone(period.zone()).toInstant());
        }
        return edges;
    }

    private static UUID insert(CallHistory history) {
        try {
            UUID tenant = tenant("Analytics " + UUID.randomUUID());
            try (Connection c = app.getConnection()) {
                history.insert(c, tenant);
            }
            return tenant;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID tenant(String name) throws SQLException {
        try (Connection c = app.getConnection(); PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
    }

    // ---------------------------------------------------------------- the report in the reference's shape

    private static Map<String, Object> shape(AnalyticsReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totals", figures(report.totals()));
        m.put("days", report.days().stream().map(d -> (Object) List.of(d.date().toString(), figures(d.figures()))).toList());
        m.put("hours", report.hours().stream().map(h -> (Object) List.of(h.hour(), figures(h.figures()))).toList());
        List<Object> agents = new ArrayList<>();
        for (AgentFigures a : report.agents()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agentId", a.agentId());
            row.put("departmentId", a.departmentId());
            row.put("name", a.name());
            row.put("answered", a.answered());
            row.put("queueAnswered", a.queueAnswered());
            row.put("waitSeconds", a.waitSeconds());
            row.put("averageSpeedOfAnswerSeconds", a.averageSpeedOfAnswerSeconds());
            row.put("handled", a.handled());
            row.put("talkSeconds", a.talkSeconds());
            row.put("wrapUpSeconds", a.wrapUpSeconds());
            row.put("handleSeconds", a.handleSeconds());
            row.put("averageHandleSeconds", a.averageHandleSeconds());
            row.put("offers", a.offers());
            row.put("missedOffers", a.missedOffers());
            row.put("availableIdleSeconds", a.availableIdleSeconds());
            row.put("occupancyPercent", a.occupancyPercent());
            agents.add(row);
        }
        m.put("agents", agents);
        m.put("occupancyPercent", report.occupancy().percent());
        m.put("departments", report.departments().stream().map(d -> (Object) List.of(d.departmentId(), d.name(),
                figures(d.figures()), d.occupancy().percent() == null ? "none" : d.occupancy().percent())).toList());
        return m;
    }

    private static Map<String, Object> figures(CallFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", f.calls());
        m.put("spamBlocked", f.spamBlocked());
        m.put("answered", f.answered());
        m.put("voicemail", f.voicemail());
        m.put("queued", f.queued());
        m.put("queueAnswered", f.queueAnswered());
        m.put("abandoned", f.abandoned());
        m.put("shortAbandoned", f.shortAbandoned());
        m.put("queueVoicemail", f.queueVoicemail());
        m.put("answeredWithinThreshold", f.answeredWithinThreshold());
        m.put("waitSeconds", f.waitSeconds());
        m.put("handled", f.handled());
        m.put("talkSeconds", f.talkSeconds());
        m.put("wrapUpSeconds", f.wrapUpSeconds());
        m.put("handleSeconds", f.handleSeconds());
        m.put("offers", f.offers());
        m.put("missedOffers", f.missedOffers());
        m.put("reachedReceptionist", f.reachedReceptionist());
        m.put("contained", f.contained());
        m.put("averageSpeedOfAnswerSeconds", f.averageSpeedOfAnswerSeconds());
        m.put("serviceLevelPercent", f.serviceLevelPercent());
        m.put("abandonmentRatePercent", f.abandonmentRatePercent());
        m.put("averageHandleSeconds", f.averageHandleSeconds());
        m.put("containmentPercent", f.containmentPercent());
        return m;
    }

    /** Equal, numbers compared with a relative tolerance of 1e-9 (sums of seconds come back as doubles). */
    private static void assertSame(Object expected, Object actual, String path, String context) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(e.keySet(), a.keySet(), path + " keys; " + context);
            for (Object k : e.keySet()) {
                assertSame(e.get(k), a.get(k), path + "." + k, context);
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertEquals(e.size(), a.size(), path + " size; " + context);
            for (int i = 0; i < e.size(); i++) {
                assertSame(e.get(i), a.get(i), path + "[" + i + "]", context);
            }
        } else if (expected instanceof Double e && actual instanceof Double a) {
            if (Math.abs(e - a) > 1e-9 * Math.max(1, Math.abs(e))) {
                fail(path + ": expected " + e + " but the report says " + a + "; " + context);
            }
        } else {
            assertEquals(expected, actual, path + "; " + context);
        }
    }
}
