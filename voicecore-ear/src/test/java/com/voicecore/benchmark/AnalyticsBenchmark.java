package com.voicecore.benchmark;

import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Server time of the analytics report for a tenant holding 100,000 calls (the console's target: every page
 * under 300 ms server time). Starts embedded PostgreSQL and the provisioned WildFly, provisions one tenant
 * through the platform API (Europe/Berlin, Reception/Sales/Support), gives it a realistic history with
 * {@link CallHistorySeeder} (bulk SQL: {@code benchmark.calls} calls over {@code benchmark.days} days from
 * {@code benchmark.firstDay}, 4 agents per department with presence), then measures, one request at a time
 * (closed loop, after a warm-up): the month's report ({@code GET /api/v1/analytics?from&to}, the last full
 * month of the history), the whole history's report, a department's month, and the month's agent table as
 * CSV. The database's share alone is voicecore-jpa's {@code analytics-sql} benchmark (same seeder).
 *
 * <p>Settings: {@code benchmark.calls} (100000), {@code benchmark.days} (184), {@code benchmark.firstDay}
 * (2026-05-01), {@code benchmark.requests} (200 per kind), {@code benchmark.warmup} (50 per kind),
 * {@code benchmark.portOffset} (300), {@code benchmark.maxLoad} (0.8), {@code benchmark.maxLoadWaitSeconds} (300).
 */
public final class AnalyticsBenchmark {

    private static final double TARGET_MILLIS = 300.0;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final int calls = Integer.getInteger("benchmark.calls", 100_000);
    private final int days = Integer.getInteger("benchmark.days", 184);
    private final LocalDate firstDay = LocalDate.parse(System.getProperty("benchmark.firstDay", "2026-05-01"));
    private final int requests = Integer.getInteger("benchmark.requests", 200);
    private final int warmup = Integer.getInteger("benchmark.warmup", 50);
    /** The whole history is the heavy case: fewer of it. */
    private final int historyRequests = Integer.getInteger("benchmark.historyRequests", 30);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = module.resolve("target/benchmark/analytics");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        new AnalyticsBenchmark().run();
    }

    record Measured(String what, Histogram latency, long bytes, String check) {
    }

    private void run() throws Exception {
        String load = BenchmarkEnvironment.awaitQuietMachine();
        Files.createDirectories(workDir);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        try (BenchmarkServer started = BenchmarkServer.start(module, workDir, portOffset, "analytics")) {
            baseUrl = started.baseUrl;
            String platformKey = started.platformKey;
            EmbeddedDatabase db = started.db;
            BenchmarkEnvironment.log("load at start " + load);

            JsonObject created = json(send("POST", "/api/v1/platform/tenants", platformKey, "application/json",
                    "{\"name\": \"Analytics bench " + BenchmarkEnvironment.randomHex(3) + "\", \"adminEmail\": \"bench-"
                            + BenchmarkEnvironment.randomHex(4) + "@example.com\", \"timeZone\": \"" + ZONE.getId() + "\"}"), 201);
            String key = created.getString("apiKey");
            UUID tenant = UUID.fromString(created.getJsonObject("tenant").getString("id"));
            CallHistorySeeder.Seeded seeded = CallHistorySeeder.seed(db.superuserDataSource(), tenant, calls, firstDay, days, ZONE, 4, 0.42);
            BenchmarkEnvironment.log("seeded " + seeded.rows() + " in " + seeded.millis() + " ms");

            LocalDate lastDay = firstDay.plusDays(days - 1);
            LocalDate monthStart = lastDay.withDayOfMonth(1);
            String month = "from=" + monthStart + "&to=" + lastDay;
            String all = "from=" + firstDay + "&to=" + lastDay;
            String sales = seeded.departments().get(1).toString();
            List<Measured> results = new ArrayList<>();
            results.add(measure("month: `GET /api/v1/analytics?" + month + "`", "/api/v1/analytics?" + month, key, "application/json",
                    warmup, requests));
            results.add(measure("one department's month", "/api/v1/analytics?" + month + "&departmentId=" + sales, key,
                    "application/json", warmup, requests));
            results.add(measure("month's agents as CSV (`/analytics/agents.csv`)", "/api/v1/analytics/agents.csv?" + month, key,
                    "text/csv", warmup, requests));
            results.add(measure("whole history (" + days + " days)", "/api/v1/analytics?" + all, key, "application/json",
                    Math.min(warmup, 5), historyRequests));

            BenchmarkEnvironment.publish(workDir.resolve("analytics-results.md"), report(startedAt, load, seeded, results));
        }
    }

    private Measured measure(String what, String path, String key, String accept, int warmup, int requests) throws Exception {
        BenchmarkEnvironment.log("measuring " + what + ": " + warmup + " warm-up + " + requests + " requests");
        for (int i = 0; i < warmup; i++) {
            expectOk(send("GET", path, key, accept, null));
        }
        Histogram h = new Histogram(60_000_000L, 3);
        HttpResponse<String> last = null;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            last = expectOk(send("GET", path, key, accept, null));
            h.recordValue((System.nanoTime() - t0) / 1000);
        }
        String check = accept.equals("text/csv") ? (last.body().split("\r\n").length - 1) + " rows"
                : json(last, 200).getJsonObject("totals").getInt("calls") + " calls";
        return new Measured(what, h, last.body().length(), check);
    }

    private String report(String startedAt, String load, CallHistorySeeder.Seeded seeded, List<Measured> results) {
        StringBuilder out = new StringBuilder();
        out.append("## Analytics report with 100,000 calls (`analytics`)\n\n");
        out.append("Started ").append(startedAt).append("; load average at start ").append(load)
                .append(", at the end ").append(BenchmarkEnvironment.loadAverageText()).append(".\n\n");
        BenchmarkEnvironment.machine().forEach(m -> out.append("* ").append(m).append('\n'));
        out.append(String.format("%nSeeded %,d calls over %d days from %s (%s) in %,d ms: %s.%n%n", seeded.calls(), seeded.days(),
                seeded.firstDay(), seeded.zone(), seeded.millis(), seeded.rows()));
        out.append("| what | requests | p50 ms | p90 ms | p99 ms | max ms | answer | target p99 < 300 ms |\n|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Measured m : results) {
            Histogram h = m.latency();
            double p99 = h.getValueAtPercentile(99) / 1000.0;
            out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %s%s | %s |%n", m.what(), h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, p99, h.getMaxValue() / 1000.0,
                    m.check(), m.bytes() > 0 ? String.format(", %,d bytes", m.bytes()) : "", p99 < TARGET_MILLIS ? "met" : "NOT met"));
        }
        return out.toString();
    }

    private HttpResponse<String> send(String method, String path, String bearer, String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).header("Accept", accept);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Expected 200, got " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
