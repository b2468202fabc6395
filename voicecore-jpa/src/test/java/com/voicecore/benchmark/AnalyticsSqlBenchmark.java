package com.voicecore.benchmark;

import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import com.voicecore.infrastructure.persistence.jpa.JpaAnalyticsRepository;
import com.voicecore.testsupport.EmbeddedDatabase;
import com.voicecore.testsupport.OrmHarness;
import com.voicecore.testsupport.PooledDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database's share of the analytics report (no WildFly, no HTTP): the same seeded history as the
 * {@code analytics} server benchmark ({@link CallHistorySeeder}), and {@link JpaAnalyticsRepository} timed
 * in this JVM through the real persistence unit as the runtime role under RLS, plus a neighbour tenant
 * with as many calls (so the tenant predicate has something to skip). Settings as the server benchmark:
 * {@code benchmark.calls}, {@code benchmark.days}, {@code benchmark.firstDay}, {@code benchmark.requests},
 * {@code benchmark.warmup}.
 */
public final class AnalyticsSqlBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("benchmark.calls", 100_000);
        int days = Integer.getInteger("benchmark.days", 184);
        LocalDate firstDay = LocalDate.parse(System.getProperty("benchmark.firstDay", "2026-05-01"));
        int requests = Integer.getInteger("benchmark.requests", 200);
        int warmup = Integer.getInteger("benchmark.warmup", 50);
        String load = BenchmarkEnvironment.awaitQuietMachine();
        Path work = Path.of(System.getProperty("benchmark.work.dir", "target/benchmark"), "analytics-sql");
        Files.createDirectories(work);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("postgres"), 0, false).migrate()) {
            UUID tenant = tenant(db, "Analytics SQL bench");
            UUID neighbour = tenant(db, "Analytics SQL neighbour");
            CallHistorySeeder.Seeded seeded = CallHistorySeeder.seed(db.superuserDataSource(), tenant, calls, firstDay, days, ZONE, 4, 0.42);
            CallHistorySeeder.seed(db.superuserDataSource(), neighbour, calls, firstDay, days, ZONE, 4, 0.24);
            BenchmarkEnvironment.log("seeded " + seeded.rows() + " in " + seeded.millis() + " ms (and a neighbour as big)");
            LocalDate last = firstDay.plusDays(days - 1);
            ReportPeriod month = ReportPeriod.ofDates(last.withDayOfMonth(1), last, ZONE);
            ReportPeriod all = ReportPeriod.ofDates(firstDay, last, ZONE);
            ReportScope department = new ReportScope(Optional.of(seeded.departments().get(1)), Optional.empty());
            ReportScope agent = new ReportScope(Optional.empty(), Optional.of(seeded.agents().get(5)));
            if (Boolean.getBoolean("benchmark.explain")) {
                explain(db, tenant, month, ReportScope.TENANT);
            }
            StringBuilder out = new StringBuilder("## analytics-sql: the report's SQL alone, in-process\n\n");
            out.append("Load at start ").append(load).append("; ").append(String.join("; ", BenchmarkEnvironment.machine())).append("\n\n");
            out.append("| what | reports | p50 ms | p99 ms | max ms | PostgreSQL CPU ms per report, median | calls in it |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            try (PooledDataSource pool = new PooledDataSource(db.appDataSourceWithoutPlatformKey(), 2);
                 OrmHarness orm = new OrmHarness(pool)) {
                List<Object[]> cases = List.of(new Object[] {"month", month, ReportScope.TENANT},
                        new Object[] {"whole history", all, ReportScope.TENANT},
                        new Object[] {"department's month", month, department},
                        new Object[] {"agent's month", month, agent});
                for (Object[] c : cases) {
                    long[] micros = new long[requests];
                    long[] cpuMillis = new long[requests];
                    AnalyticsReport report = null;
                    for (int i = 0; i < warmup + requests; i++) {
                        long[] cpu = new long[1];
                        long t0 = System.nanoTime();
                        report = orm.inTenant(tenant, em -> {
                            // the backend's own CPU time: a figure the machine's other load hardly changes
                            int backend = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
                            long before = cpuTicks(backend);
                            AnalyticsReport r = new JpaAnalyticsRepository(em)
                                    .report((ReportPeriod) c[1], MetricThresholds.DEFAULTS, (ReportScope) c[2], Instant.now());
                            cpu[0] = (cpuTicks(backend) - before) * 10; // USER_HZ = 100
                            return r;
                        });
                        if (i >= warmup) {
                            micros[i - warmup] = (System.nanoTime() - t0) / 1000;
                            cpuMillis[i - warmup] = cpu[0];
                        }
                    }
                    Arrays.sort(micros);
                    Arrays.sort(cpuMillis);
                    out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %d | %,d |%n", c[0], requests, micros[requests / 2] / 1000.0,
                            micros[(int) Math.ceil(requests * 0.99) - 1] / 1000.0, micros[requests - 1] / 1000.0,
                            cpuMillis[requests / 2], report.totals().calls()));
                }
            }
            out.append("\nLoad at the end ").append(BenchmarkEnvironment.loadAverageText()).append('\n');
            Files.writeString(work.resolve("analytics-sql-results.md"), out);
            System.out.println(out);
        }
    }

    /** User + system CPU ticks of a local process (/proc/PID/stat fields 14 and 15). */
    private static long cpuTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** EXPLAIN ANALYZE of the repository's statements (their text read from it, parameters inlined). */
    private static void explain(EmbeddedDatabase db, UUID tenant, ReportPeriod period, ReportScope scope) throws Exception {
        for (String method : List.of("figuresSql", "offersSql")) {
            java.lang.reflect.Method m = JpaAnalyticsRepository.class.getDeclaredMethod(method, ReportScope.class);
            m.setAccessible(true);
            String sql = ((String) m.invoke(null, scope))
                    .replace(":zone", "'" + period.zone().getId() + "'")
                    .replace(":lo", "'" + period.start().minus(java.time.Duration.ofDays(1)) + "'::timestamptz")
                    .replace(":hi", "'" + period.end().plus(java.time.Duration.ofDays(1)) + "'::timestamptz")
                    .replace(":start", "'" + period.start() + "'::timestamptz").replace(":end", "'" + period.end() + "'::timestamptz")
                    .replace(":shortAbandon", "5").replace(":serviceLevel", "20");
            try (Connection c = db.appDataSourceWithoutPlatformKey().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
                    ps.setString(1, tenant.toString());
                    ps.execute();
                }
                for (int i = 0; i < 2; i++) {
                    StringBuilder plan = new StringBuilder();
                    try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    if (i == 1) {
                        System.out.println("---- " + method + "\n" + plan);
                    }
                }
                c.rollback();
            }
        }
    }

    private static UUID tenant(EmbeddedDatabase db, String name) throws Exception {
        try (Connection c = db.appDataSource().getConnection()) {
            UUID tenant;
            try (PreparedStatement ps = c.prepareStatement("select platform.create_tenant(?, null)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    tenant = (UUID) rs.getObject(1);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
                ps.setString(1, tenant.toString());
                ps.execute();
            }
            for (String d : new ArrayList<>(List.of("Reception", "Sales", "Support"))) {
                try (PreparedStatement ps = c.prepareStatement("insert into departments (tenant_id, name) values (?, ?)")) {
                    ps.setObject(1, tenant);
                    ps.setString(2, d);
                    ps.execute();
                }
            }
            c.commit();
            return tenant;
        }
    }
}
