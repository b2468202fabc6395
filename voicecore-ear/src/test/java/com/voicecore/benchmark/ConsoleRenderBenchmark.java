package com.voicecore.benchmark;

import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of every console page for a tenant holding 100,000 calls (issue 6: each under 300 ms).
 * Starts embedded PostgreSQL and the provisioned WildFly with the EAR, provisions the tenant through the
 * platform API (Europe/Berlin), gives it {@link CallHistorySeeder}'s history and a knowledge base, signs
 * in through the console's own sign-in form as its first admin and as a platform admin (cookies, ViewState:
 * as a browser does), then requests each page one at a time (closed loop, loopback, after a warm-up) and
 * times the whole response, to its last byte: an upper bound of the server time, since the client's share
 * on loopback is a fraction of a millisecond. Each answer is checked to be the page asked for (200, the
 * page's own marker, not the sign-in form or an error page), so a redirect or a 404 cannot pass as fast.
 *
 * <p>Settings: {@code benchmark.calls} (100000), {@code benchmark.days} (184), {@code benchmark.firstDay}
 * (so that the history ends today), {@code benchmark.requests} (100 per page), {@code benchmark.warmup} (20 per page),
 * {@code benchmark.portOffset} (300), {@code benchmark.maxLoad} (0.8), {@code benchmark.maxLoadWaitSeconds}.
 */
public final class ConsoleRenderBenchmark {

    private static final double TARGET_MILLIS = 300.0;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final int calls = Integer.getInteger("benchmark.calls", 100_000);
    private final int days = Integer.getInteger("benchmark.days", 184);
    /** The history ends today by default, as a live tenant's does (the dashboard's default week has calls). */
    private final LocalDate firstDay = LocalDate.parse(System.getProperty("benchmark.firstDay",
            LocalDate.now(ZONE).minusDays(days - 1).toString()));
    private final int requests = Integer.getInteger("benchmark.requests", 100);
    private final int warmup = Integer.getInteger("benchmark.warmup", 20);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = module.resolve("target/benchmark/console");
    private String baseUrl;
    private BenchmarkServer server;

    /**
     * A page to time: what it is, its path, its title (the template's {@code <title>}; null: varies) and text
     * only that page, rendered with its data, contains (null: none beyond the title).
     */
    record Page(String what, String path, String title, String marker) {

        boolean isIn(String body) {
            return (title == null || body.contains("<title>" + title + " · VoiceCore</title>"))
                    && (marker == null || body.contains(marker)) && body.contains("</html>");
        }
    }

    /** A page's timings, and the CPU WildFly and PostgreSQL spent on it per request (mean, ms). */
    record Measured(Page page, Histogram latency, long bytes, double serverCpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        new ConsoleRenderBenchmark().run();
    }

    private void run() throws Exception {
        String load = BenchmarkEnvironment.awaitQuietMachine();
        Files.createDirectories(workDir);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        try (BenchmarkServer started = BenchmarkServer.start(module, workDir, portOffset, "console")) {
            server = started;
            baseUrl = started.baseUrl;
            String platformKey = started.platformKey;
            EmbeddedDatabase db = started.db;

            HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            JsonObject created = json(api, "POST", "/api/v1/platform/tenants", platformKey,
                    "{\"name\": \"Console bench " + BenchmarkEnvironment.randomHex(3) + "\", \"adminEmail\": \"admin-"
                            + BenchmarkEnvironment.randomHex(4) + "@example.com\", \"timeZone\": \"" + ZONE.getId() + "\"}", 201);
            String apiKey = created.getString("apiKey");
            UUID tenant = UUID.fromString(created.getJsonObject("tenant").getString("id"));
            for (int i = 1; i <= 60; i++) {
                json(api, "POST", "/api/v1/knowledge", apiKey, "{\"question\": \"Question " + i + " about opening hours and parking?\","
                        + " \"answer\": \"Answer " + i + ": we are open 8 to 18; parking behind the building.\","
                        + " \"keywords\": \"hours parking q" + i + "\", \"category\": \"Category " + (i % 6) + "\", \"priority\": "
                        + (i % 10) + "}", 201);
            }
            CallHistorySeeder.Seeded seeded = CallHistorySeeder.seed(db.superuserDataSource(), tenant, calls, firstDay, days, ZONE, 4, 0.42);
            BenchmarkEnvironment.log("seeded " + seeded.rows() + " in " + seeded.millis() + " ms");
            JsonObject platformAdmin = json(api, "POST", "/api/v1/platform/admins", platformKey,
                    "{\"email\": \"ops-" + BenchmarkEnvironment.randomHex(4) + "@example.com\", \"name\": \"Ops\"}", 201);

            Map<String, String> ids = samples(db, tenant);
            LocalDate lastDay = firstDay.plusDays(days - 1);
            String month = "from=" + lastDay.minusDays(29) + "&to=" + lastDay;
            List<Page> tenantPages = new ArrayList<>(List.of(
                    new Page("Departments", "/admin/tenant/departments.xhtml", "Departments", "Sales"),
                    new Page("Agents", "/admin/tenant/agents.xhtml", "Agents", "Bench Agent 12"),
                    new Page("An agent", "/admin/tenant/agent.xhtml?id=" + ids.get("agent"), null, "Bench Agent"),
                    new Page("Phone numbers", "/admin/tenant/numbers.xhtml", "Phone numbers", "Add a number"),
                    new Page("Twilio account", "/admin/tenant/twilio.xhtml", "Twilio account", "Account SID"),
                    new Page("Business hours", "/admin/tenant/hours.xhtml", "Business hours", "Europe/Berlin"),
                    new Page("Spam", "/admin/tenant/spam.xhtml", "Spam", "Test a number"),
                    new Page("Audit log", "/admin/tenant/audit.xhtml", "Audit log", "knowledge"),
                    new Page("Receptionist settings", "/admin/tenant/receptionist.xhtml", "Receptionist", "How it converses"),
                    new Page("Knowledge base (60 entries)", "/admin/tenant/knowledge.xhtml", "Knowledge base", "about opening hours and parking"),
                    new Page("A knowledge entry", "/admin/tenant/knowledge-entry.xhtml?id=" + ids.get("knowledge"), "Knowledge-base entry",
                            "parking behind the building"),
                    new Page("Suggestions", "/admin/tenant/suggestions.xhtml", "Suggestions from calls", null),
                    new Page("Call log (first page of 100,000)", "/admin/tenant/calls.xhtml", "Calls", "+1212"),
                    new Page("A call's detail", "/admin/tenant/call.xhtml?id=" + ids.get("call"), "Call", "Status history"),
                    new Page("Voicemail (" + ids.get("voicemails") + " messages)", "/admin/tenant/voicemail.xhtml", "Voicemail", null),
                    new Page("Try a call", "/admin/tenant/try-call.xhtml", "Try a call", null),
                    new Page("Wallboard", "/admin/team/wallboard.xhtml", "Wallboard", "Bench Agent 12")));
            if (Boolean.parseBoolean(System.getProperty("benchmark.analyticsPage", "true"))) {
                tenantPages.add(new Page("Analytics, last 30 days", "/admin/team/analytics.xhtml?" + month, "Analytics", "Bench Agent 12"));
                tenantPages.add(new Page("Analytics, default (last 7 days)", "/admin/team/analytics.xhtml", "Analytics", "Bench Agent 12"));
            }
            List<Page> platformPages = List.of(
                    new Page("Platform: tenants", "/admin/platform/tenants.xhtml", "Tenants", "Console bench"),
                    new Page("Platform: spam list", "/admin/platform/spam.xhtml", "Platform spam list", null),
                    new Page("Platform: system health", "/admin/platform/health.xhtml", "System health", "Database"),
                    new Page("Platform: audit log", "/admin/platform/audit.xhtml", "Platform audit log", null));

            List<Measured> results = new ArrayList<>();
            Console admin = Console.signIn(baseUrl, tenant.toString(), created.getString("adminEmail"), created.getString("adminPassword"));
            for (Page p : tenantPages) {
                results.add(measure(admin, p));
            }
            Console ops = Console.signIn(baseUrl, "", platformAdmin.getString("email"), platformAdmin.getString("password"));
            for (Page p : platformPages) {
                results.add(measure(ops, p));
            }
            BenchmarkEnvironment.publish(workDir.resolve("console-results.md"), report(startedAt, load, seeded, results));
        }
    }

    /** Ids of realistic rows to open: an agent, a knowledge entry, the latest answered queue call. */
    private static Map<String, String> samples(EmbeddedDatabase db, UUID tenant) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection c = db.superuserDataSource().getConnection()) {
            ids.put("agent", one(c, "select id from agents where tenant_id = ? order by name limit 1", tenant));
            ids.put("knowledge", one(c, "select id from knowledge_base where tenant_id = ? order by priority desc limit 1", tenant));
            ids.put("call", one(c, """
                    select c.id from calls c join queue_entries q on q.call_id = c.id
                    where c.tenant_id = ? and q.state = 'completed' order by c.started_at desc limit 1""", tenant));
            ids.put("voicemails", one(c, "select count(*) from voicemails where tenant_id = ?", tenant));
        }
        return ids;
    }

    private static String one(Connection c, String sql, UUID tenant) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rs.getString(1);
            }
        }
    }

    private Measured measure(Console console, Page page) throws Exception {
        BenchmarkEnvironment.log("measuring " + page.what() + ": " + warmup + " warm-up + " + requests + " requests");
        for (int i = 0; i < warmup; i++) {
            console.get(page);
        }
        Histogram h = new Histogram(60_000_000L, 3);
        long bytes = 0;
        Duration cpu0 = serverCpu();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            bytes = console.get(page);
            h.recordValue((System.nanoTime() - t0) / 1000);
        }
        return new Measured(page, h, bytes, serverCpu().minus(cpu0).toNanos() / 1e6 / requests);
    }

    /**
     * CPU time so far of the WildFly JVM, PostgreSQL's postmaster and its live backends: per request, a
     * figure the machine's other load hardly changes (unlike the wall time). The JVM's background threads
     * are in it too, so it errs high.
     */
    private Duration serverCpu() throws Exception {
        List<ProcessHandle> processes = new ArrayList<>();
        server.server.serverJvm().ifPresent(processes::add);
        long postmaster = Long.parseLong(Files.readAllLines(server.postgresData.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(postmaster).ifPresent(pm -> {
            processes.add(pm);
            pm.children().forEach(processes::add);
        });
        return processes.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    private String report(String startedAt, String load, CallHistorySeeder.Seeded seeded, List<Measured> results) {
        StringBuilder out = new StringBuilder();
        out.append("## Console pages with 100,000 calls (`console`)\n\n");
        out.append("Started ").append(startedAt).append("; load average at start ").append(load)
                .append(", at the end ").append(BenchmarkEnvironment.loadAverageText()).append(".\n\n");
        BenchmarkEnvironment.machine().forEach(m -> out.append("* ").append(m).append('\n'));
        out.append(String.format("%nSeeded %,d calls over %d days from %s (%s) in %,d ms: %s.%n%n", seeded.calls(), seeded.days(),
                seeded.firstDay(), seeded.zone(), seeded.millis(), seeded.rows()));
        out.append("| page | requests | p50 ms | p90 ms | p99 ms | max ms | server CPU ms per request | bytes | target p99 < 300 ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measured m : results) {
            Histogram h = m.latency();
            double p99 = h.getValueAtPercentile(99) / 1000.0;
            out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %,d | %s |%n", m.page().what(), h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, p99, h.getMaxValue() / 1000.0,
                    m.serverCpuMillis(), m.bytes(), p99 < TARGET_MILLIS ? "met" : "NOT met"));
        }
        return out.toString();
    }

    private JsonObject json(HttpClient http, String method, String path, String bearer, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** A signed-in console session: its own cookies, as one browser. */
    private static final class Console {

        private final String baseUrl;
        private final HttpClient http;

        private Console(String baseUrl) {
            this.baseUrl = baseUrl;
            CookieManager cookies = new CookieManager();
            cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Through the sign-in form, as a browser posts it. */
        static Console signIn(String baseUrl, String tenant, String email, String password) throws Exception {
            Console c = new Console(baseUrl);
            HttpResponse<String> form = c.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/login.xhtml")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher viewState = VIEW_STATE.matcher(form.body());
            if (form.statusCode() != 200 || !viewState.find()) {
                throw new IllegalStateException("No sign-in form: " + form.statusCode());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("signIn", "signIn");
            fields.put("signIn:tenant", tenant);
            fields.put("signIn:email", email);
            fields.put("signIn:password", password);
            fields.put("signIn:submit", "");
            fields.put("jakarta.faces.ViewState", viewState.group(1));
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<String> signedIn = c.http.send(HttpRequest.newBuilder(URI.create(form.uri().toString()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 200 || signedIn.body().contains("id=\"signIn\"")) {
                throw new IllegalStateException("Sign-in as " + email + " failed: " + signedIn.statusCode() + " at " + signedIn.uri());
            }
            return c;
        }

        /** GETs the page and checks it is that page, rendered; answers its size. */
        long get(Page page) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + page.path())).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            if (r.statusCode() != 200 || body.contains("id=\"signIn\"") || !page.isIn(body)
                    || !r.uri().getPath().equals(URI.create(baseUrl + page.path()).getPath())) {
                throw new IllegalStateException(page.what() + ": expected the page '" + page.title() + "' with '" + page.marker() + "', got "
                        + r.statusCode() + " at " + r.uri() + ": " + body.substring(0, Math.min(400, body.length())));
            }
            return body.length();
        }
    }
}
