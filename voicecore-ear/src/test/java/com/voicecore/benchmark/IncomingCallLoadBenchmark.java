package com.voicecore.benchmark;

import com.voicecore.run.ServerProcess;
import com.voicecore.simulator.TwilioSignature;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Load on the incoming-call webhook from a separate process: signed {@code POST /twilio/voice/incoming} requests,
 * each a new call (tenant lookup by number and account, signature check with the tenant's decrypted token, the
 * call stored, credits, spam screening with the tenant's rules and the caller's velocity, business hours, the
 * greeting), sent <b>open-loop</b> at a constant arrival rate that rises step by step.
 *
 * <p>Open loop: request i of a step is due at {@code start + i / rate}, whatever happened to the earlier ones, and
 * its latency is measured from that due time, not from when it was actually sent. A server that stalls therefore
 * shows the stall in every request that was due meanwhile (no coordinated omission). Requests go out through
 * {@link HttpClient} (HTTP/1.1, keep-alive, async) with at most {@code maxInFlight} outstanding requests, which also
 * bounds the connections; if that many are outstanding the generator waits, and the wait counts in the latency.
 *
 * <p>By default the benchmark starts its own embedded PostgreSQL and the provisioned WildFly (port offset 300, like
 * server-start) with {@code VOICECORE_PUBLIC_URL=http://127.0.0.1:8380} and a random secrets key; with
 * {@code -Dbenchmark.url=http://host:port -Dbenchmark.platformKey=...} it targets a running server instead
 * ({@code benchmark.publicUrl} if that server's VOICECORE_PUBLIC_URL differs from the URL; {@code benchmark.serverPid}
 * to sample its CPU). Either way it provisions its tenants through the platform and tenant APIs.
 *
 * <p>Settings (system properties, all optional): {@code benchmark.rates} (100,200,300,400,500 calls/s),
 * {@code benchmark.seconds} (30 per rate), {@code benchmark.warmupSeconds} (30) and {@code benchmark.warmupRate} (150: the
 * warm-up ramps from a tenth of it to it; a cold server takes only about 100 calls/s),
 * {@code benchmark.pauseSeconds} (5, between steps), {@code benchmark.tenants} (10),
 * {@code benchmark.agentsPerTenant} (3), {@code benchmark.maxInFlight} (128), {@code benchmark.timeoutMillis}
 * (10000), {@code benchmark.repeatShare} (0.05), {@code benchmark.spamShare} (0.02),
 * {@code benchmark.incoming.statusCallbacks} (false) and {@code benchmark.incoming.statusDelayMillis} (2000),
 * {@code benchmark.clientThreads} (2), {@code benchmark.durable} (false: fsync off as in the tests),
 * {@code benchmark.serverJavaOpts} (JAVA_OPTS of the server; ServerProcess's default otherwise),
 * {@code benchmark.portOffset} (300), {@code benchmark.seed}, {@code benchmark.maxLoad} (0.6),
 * {@code benchmark.maxLoadWaitSeconds} (600).
 */
public final class IncomingCallLoadBenchmark {

    static final String INCOMING = "/twilio/voice/incoming";
    static final String STATUS = "/twilio/voice/status";
    private static final String API_VERSION = "2010-04-01";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int TARGET_RATE = 500;
    private static final double TARGET_P99_MILLIS = 20.0;
    private static final int REPEAT_CALLERS_PER_TENANT = 20;

    private final List<Integer> rates = Arrays.stream(System.getProperty("benchmark.rates", "100,200,300,400,500")
            .split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    private final int seconds = Integer.getInteger("benchmark.seconds", 30);
    private final int warmupSeconds = Integer.getInteger("benchmark.warmupSeconds", 30);
    private final int warmupRate = Integer.getInteger("benchmark.warmupRate", 150);
    private final int pauseSeconds = Integer.getInteger("benchmark.pauseSeconds", 5);
    private final int tenantCount = Integer.getInteger("benchmark.tenants", 10);
    private final int agentsPerTenant = Integer.getInteger("benchmark.agentsPerTenant", 3);
    private final int maxInFlight = Integer.getInteger("benchmark.maxInFlight", 128);
    private final int timeoutMillis = Integer.getInteger("benchmark.timeoutMillis", 10_000);
    private final int clientThreads = Integer.getInteger("benchmark.clientThreads", 2);
    private final double repeatShare = Double.parseDouble(System.getProperty("benchmark.repeatShare", "0.05"));
    private final double spamShare = Double.parseDouble(System.getProperty("benchmark.spamShare", "0.02"));
    private final boolean statusCallbacks = Boolean.getBoolean("benchmark.incoming.statusCallbacks");
    private final int statusDelayMillis = Integer.getInteger("benchmark.incoming.statusDelayMillis", 2000);
    private final boolean durable = Boolean.getBoolean("benchmark.durable");
    private final String serverJavaOpts = System.getProperty("benchmark.serverJavaOpts");
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final long seed = Long.getLong("benchmark.seed", 20240601L);
    private final String externalUrl = blankToNull(System.getProperty("benchmark.url"));
    private final String externalPlatformKey = blankToNull(System.getProperty("benchmark.platformKey"));
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = Path.of(System.getProperty("benchmark.work.dir", module.resolve("target/benchmark")
            .toString()), "incoming-calls").toAbsolutePath();

    private final Random random = new Random(seed);
    private final AtomicLong uniqueCallers = new AtomicLong();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private String baseUrl;
    private String publicUrl;
    private String platformKey;
    private HttpClient http;
    private ExecutorService clientExecutor;
    private ScheduledExecutorService callbackTimer;
    private List<LoadTenant> tenants;
    private Resources resources;
    private ConnectionSampler connections;
    private EmbeddedDatabase db;
    private ServerProcess server;
    private String effectiveJavaOpts = "(the target server's own)";
    private DbCounters dbBefore;
    private DbCounters dbAfter;

    public static void main(String[] args) throws Exception {
        new IncomingCallLoadBenchmark().run();
    }

    // ---------------------------------------------------------------- the run

    private void run() throws Exception {
        String loadAtStart = BenchmarkEnvironment.awaitQuietMachine(Double.parseDouble(System.getProperty("benchmark.maxLoad", "0.6")),
                Integer.getInteger("benchmark.maxLoadWaitSeconds", 600));
        BenchmarkEnvironment.log("incoming-calls: load average at start " + loadAtStart);
        Files.createDirectories(workDir);
        clientExecutor = Executors.newFixedThreadPool(clientThreads, BenchmarkEnvironment.daemonThreads("load-client"));
        callbackTimer = Executors.newSingleThreadScheduledExecutor(BenchmarkEnvironment.daemonThreads("load-status-callbacks"));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as Twilio; no h2c upgrade attempts
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientExecutor)
                .build();
        Thread stopOnExit = new Thread(this::stopServer, "benchmark-server-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        try {
            if (externalUrl == null) {
                startServer();
            } else {
                useRunningServer();
            }
            tenants = provision();
            sanityCheck();
            dbBefore = DbCounters.read(db);
            connections.start();
            if (warmupSeconds > 0) {
                BenchmarkEnvironment.log(String.format("warm-up: %d to %d calls/s over %d s (JIT; not part of the result)",
                        Math.max(1, warmupRate / 10), warmupRate, warmupSeconds));
                Step warm = runStep("warm-up", Math.max(1, warmupRate / 10), warmupRate, warmupSeconds);
                steps.add(warm);
                BenchmarkEnvironment.log(warm.line());
                pause();
            }
            for (int rate : rates) {
                BenchmarkEnvironment.log(String.format("step: %d calls/s for %d s (load %s)", rate, seconds,
                        BenchmarkEnvironment.loadAverageText()));
                Step step = runStep(rate + "/s", rate, rate, seconds);
                steps.add(step);
                BenchmarkEnvironment.log(step.line());
                pause();
            }
            connections.stop();
            if (db != null) {
                // idle backends report their statistics up to 10 s late (PGSTAT_IDLE_INTERVAL)
                Thread.sleep(11_000);
                dbAfter = DbCounters.read(db);
            }
            String persisted = persistenceCheck();
            String report = report(startedAt, loadAtStart, persisted);
            Path out = workDir.resolve("incoming-calls-results.md");
            Files.writeString(out, report);
            System.out.println();
            System.out.println(report);
            BenchmarkEnvironment.log("written to " + out + (server != null ? "; server log in " + workDir.resolve("wildfly/log") : ""));
        } finally {
            if (connections != null) {
                connections.stop();
            }
            stopServer();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            callbackTimer.shutdownNow();
            clientExecutor.shutdownNow();
        }
    }

    private void startServer() throws Exception {
        Path serverHome = module.resolve("target/server");
        Path ear = module.resolve("target/voicecore.ear");
        if (!Files.isRegularFile(ear) || !Files.isRegularFile(serverHome.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("Build first: no " + ear + " or no provisioned server in " + serverHome
                    + " (mvn -q install -DskipTests)");
        }
        for (int port : new int[] {8080 + portOffset, 9990 + portOffset}) {
            if (listening(port)) {
                throw new IllegalStateException("Port " + port + " is in use (another server with port offset "
                        + portOffset + "?): stop it first");
            }
        }
        Path pg = workDir.resolve("postgres");
        if (durable) {
            // keepData=true is the only way EmbeddedDatabase turns fsync on; start from an empty cluster anyway
            deleteTree(pg.resolve("data"));
        }
        db = EmbeddedDatabase.start(pg, 0, durable);
        baseUrl = "http://127.0.0.1:" + (8080 + portOffset);
        publicUrl = baseUrl;
        platformKey = "vcp_" + BenchmarkEnvironment.randomHex(32);
        Map<String, String> env = ServerProcess.environment(db, platformKey, publicUrl);
        effectiveJavaOpts = "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true (ServerProcess default)";
        if (serverJavaOpts != null && !serverJavaOpts.isBlank()) {
            env.put("JAVA_OPTS", serverJavaOpts);
            effectiveJavaOpts = serverJavaOpts;
        }
        long t0 = System.nanoTime();
        server = ServerProcess.start(serverHome, workDir.resolve("wildfly"), ear, env, portOffset,
                workDir.resolve("wildfly-console.log"));
        Duration ready = server.awaitReady(Duration.ofMinutes(4));
        BenchmarkEnvironment.log(String.format("server ready in %,d ms (database: embedded PostgreSQL on port %d, %s)",
                ready.toMillis(), db.port(), durable ? "fsync on" : "fsync off"));
        long jvm = server.serverJvm().map(ProcessHandle::pid).orElse(-1L);
        resources = new Resources(jvm, pg.resolve("binaries"));
        connections = new ConnectionSampler(db.superuserDataSource());
        notes.add(String.format("server launched and ready in %,d ms", (System.nanoTime() - t0) / 1_000_000));
    }

    private void useRunningServer() {
        if (externalPlatformKey == null) {
            throw new IllegalArgumentException("-Dbenchmark.url needs -Dbenchmark.platformKey (the server's VOICECORE_PLATFORM_API_KEY)");
        }
        baseUrl = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
        String configured = blankToNull(System.getProperty("benchmark.publicUrl"));
        publicUrl = configured == null ? baseUrl : configured.replaceAll("/+$", "");
        platformKey = externalPlatformKey;
        resources = new Resources(Long.getLong("benchmark.serverPid", -1L), null);
        connections = new ConnectionSampler(null);
        notes.add("target: the running server at " + baseUrl + " (public URL " + publicUrl + "); its database and"
                + " JVM options are its own; the tenants this run provisioned stay there");
    }

    private void stopServer() {
        ServerProcess s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        EmbeddedDatabase d = db;
        db = null;
        if (d != null) {
            d.close();
        }
    }

    private void pause() throws InterruptedException {
        Thread.sleep(pauseSeconds * 1000L);
    }

    // ---------------------------------------------------------------- tenants

    /** A tenant ready to take calls, with what the generator needs to call it. */
    record LoadTenant(int index, String id, String apiKey, String accountSid, TwilioSignature signer, String number,
                      List<String> repeatCallers) {
    }

    private List<LoadTenant> provision() throws Exception {
        long t0 = System.nanoTime();
        List<LoadTenant> list = new ArrayList<>();
        long numberBase = 10_000_000L + random.nextInt(80_000_000);
        for (int i = 0; i < tenantCount; i++) {
            String email = "load-" + BenchmarkEnvironment.randomHex(4) + "-" + i + "@example.com";
            JsonObject created = expect(201, rest("POST", "/api/v1/platform/tenants", platformKey, "{\"name\": \"Load tenant " + i
                    + "\", \"adminEmail\": \"" + email + "\", \"timeZone\": \"Europe/Berlin\", \"departments\": [\"Reception\","
                    + " \"Sales\", \"Support\"], \"includedMinutes\": 10000000}")).asJsonObject();
            String key = created.getString("apiKey");
            String id = created.getJsonObject("tenant").getString("id");
            String sid = "AC" + BenchmarkEnvironment.randomHex(16);
            String token = BenchmarkEnvironment.randomHex(16);
            expect(200, rest("PUT", "/api/v1/settings/telephony", key,
                    "{\"accountSid\": \"" + sid + "\", \"authToken\": \"" + token + "\"}"));
            String number = "+4930" + (numberBase + i);
            expect(201, rest("POST", "/api/v1/phone-numbers", key, "{\"number\": \"" + number + "\", \"label\": \"Main line\"}"));
            expect(200, rest("PUT", "/api/v1/business-hours/emergency", key, "{\"mode\": \"open\"}"));
            Map<String, String> departments = new LinkedHashMap<>();
            rest("GET", "/api/v1/departments", key, null).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                    .forEach(d -> departments.put(d.getString("name"), d.getString("id")));
            String[] names = {"Reception", "Sales", "Support"};
            for (int a = 0; a < agentsPerTenant; a++) {
                String department = names[a % names.length];
                String extension = (a % names.length + 1) + String.format("%02d", a / names.length + 1);
                expect(201, rest("POST", "/api/v1/agents", key, "{\"name\": \"Agent " + i + "-" + a + "\", \"email\": \"agent"
                        + a + "-" + BenchmarkEnvironment.randomHex(3) + "@load" + i + ".example\", \"departmentId\": \"" + departments.get(department)
                        + "\", \"extension\": \"" + extension + "\", \"status\": \"available\"}"));
            }
            List<String> repeat = new ArrayList<>();
            int repeatBase = 1000 + random.nextInt(8000);
            for (int r = 0; r < REPEAT_CALLERS_PER_TENANT; r++) {
                repeat.add(String.format("+44161%02d%04d%02d", i % 100, repeatBase, r));
            }
            // what a tenant keeps: a premium-rate block list, a pattern, its own staff allowed, a flag, a keyword
            addRule(key, "number", "+1900*", "block", 100, "premium-rate prefix");
            addRule(key, "pattern", "^\\\\+1(976|809)[0-9]{7}$", "block", 80, "known scam area codes");
            addRule(key, "number", repeat.get(0), "allow", 0, "our courier");
            addRule(key, "pattern", "^\\\\+4470", "flag", 10, "personal numbering");
            addRule(key, "keyword", "extended warranty", "block", 60, "robocall script");
            list.add(new LoadTenant(i, id, key, sid, new TwilioSignature(token), number, List.copyOf(repeat)));
        }
        BenchmarkEnvironment.log(String.format("provisioned %d tenants (number, Twilio account, %d agents, 5 spam rules"
                + " each) in %,d ms", tenantCount, agentsPerTenant, (System.nanoTime() - t0) / 1_000_000));
        return list;
    }

    private void addRule(String key, String type, String value, String action, int weight, String description)
            throws IOException, InterruptedException {
        expect(201, rest("POST", "/api/v1/spam-rules", key, "{\"type\": \"" + type + "\", \"value\": \"" + value
                + "\", \"action\": \"" + action + "\", \"weight\": " + weight + ", \"description\": \"" + description + "\"}"));
    }

    /** One clean call per tenant must get the greeting: otherwise the signature or the setup is wrong. */
    private void sanityCheck() throws IOException, InterruptedException {
        for (LoadTenant t : tenants) {
            GeneratedCall call = new GeneratedCall(t, Kind.CLEAN, "CA" + BenchmarkEnvironment.randomHex(16), uniqueCaller(), "TN-Validation-Passed-A");
            HttpResponse<String> response = http.send(incomingRequest(call), HttpResponse.BodyHandlers.ofString());
            Answer answer = response.statusCode() == 200 ? Answer.of(response.body()) : Answer.OTHER;
            if (answer != Answer.GREETING) {
                throw new IllegalStateException("Tenant " + t.index() + ": a clean call got HTTP " + response.statusCode()
                        + " " + abbreviate(response.body()) + (response.statusCode() == 403
                        ? " (403: the signature was not accepted; is the server's VOICECORE_PUBLIC_URL " + publicUrl + "?)" : ""));
            }
        }
        BenchmarkEnvironment.log("sanity check: a clean call to each tenant got the greeting");
    }

    // ---------------------------------------------------------------- calls

    enum Kind {
        /** a new number, never seen: must get the greeting */
        CLEAN,
        /** one of a few numbers per tenant that call again and again: greeting, or the challenge once its velocity counts */
        REPEAT,
        /** a number on the tenant's block list: must be rejected */
        SPAM;

        boolean accepts(Answer answer) {
            return switch (this) {
                case CLEAN -> answer == Answer.GREETING;
                case REPEAT -> answer == Answer.GREETING || answer == Answer.CHALLENGE;
                case SPAM -> answer == Answer.REJECT;
            };
        }
    }

    enum Answer {
        GREETING, CHALLENGE, REJECT, OTHER;

        static Answer of(String twiml) {
            if (twiml == null) {
                return OTHER;
            }
            if (twiml.contains("<Reject")) {
                return REJECT;
            }
            if (twiml.contains("<Gather")) {
                if (twiml.contains("/greeting\"")) {
                    return GREETING;
                }
                if (twiml.contains("/challenge\"")) {
                    return CHALLENGE;
                }
            }
            return OTHER;
        }
    }

    record GeneratedCall(LoadTenant tenant, Kind kind, String callSid, String from, String stirVerstat) {
    }

    /** Called from the scheduler thread only (the Random is not shared). */
    private GeneratedCall nextCall() {
        LoadTenant tenant = tenants.get(random.nextInt(tenants.size()));
        double r = random.nextDouble();
        String sid = "CA" + sidHex();
        if (r < spamShare) {
            return new GeneratedCall(tenant, Kind.SPAM, sid, "+1900" + (1_000_000 + random.nextInt(9_000_000)),
                    "TN-Validation-Passed-C");
        }
        if (r < spamShare + repeatShare) {
            return new GeneratedCall(tenant, Kind.REPEAT, sid,
                    tenant.repeatCallers().get(random.nextInt(tenant.repeatCallers().size())), null);
        }
        double stir = random.nextDouble();
        return new GeneratedCall(tenant, Kind.CLEAN, sid, uniqueCaller(),
                stir < 0.5 ? "TN-Validation-Passed-A" : stir < 0.7 ? "TN-Validation-Passed-B" : null);
    }

    private String uniqueCaller() {
        // +447 and nine digits: a UK mobile, new for every call (a random start so reruns on one database differ)
        return "+447" + String.format("%09d", (callerBase + uniqueCallers.incrementAndGet()) % 1_000_000_000L);
    }

    private final long callerBase = new SecureRandom().nextInt(500_000_000);

    private static String sidHex() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    HttpRequest incomingRequest(GeneratedCall call) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", call.tenant().accountSid());
        p.put("ApiVersion", API_VERSION);
        p.put("CallSid", call.callSid());
        p.put("CallStatus", "ringing");
        p.put("Direction", "inbound");
        p.put("From", call.from());
        p.put("To", call.tenant().number());
        p.put("Caller", call.from());
        p.put("Called", call.tenant().number());
        p.put("FromCountry", call.from().startsWith("+1") ? "US" : "GB");
        p.put("ToCountry", "DE");
        if (call.stirVerstat() != null) {
            p.put("StirVerstat", call.stirVerstat());
        }
        return signedPost(INCOMING, call.tenant(), p);
    }

    private HttpRequest statusRequest(GeneratedCall call, Answer answer) {
        boolean rejected = answer == Answer.REJECT;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", call.tenant().accountSid());
        p.put("ApiVersion", API_VERSION);
        p.put("CallSid", call.callSid());
        p.put("CallStatus", rejected ? "busy" : "completed");
        p.put("Direction", "inbound");
        p.put("From", call.from());
        p.put("To", call.tenant().number());
        p.put("Caller", call.from());
        p.put("Called", call.tenant().number());
        p.put("CallbackSource", "call-progress-events");
        p.put("StatusCallbackEvent", "completed");
        p.put("SequenceNumber", rejected ? "1" : "2");
        p.put("Timestamp", RFC_1123.format(java.time.Instant.now()));
        p.put("CallDuration", rejected ? "0" : Integer.toString(15 + ThreadLocalRandom.current().nextInt(286)));
        return signedPost(STATUS, call.tenant(), p);
    }

    private HttpRequest signedPost(String path, LoadTenant tenant, Map<String, String> parameters) {
        String body = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "*/*")
                .header("User-Agent", "TwilioProxy/1.1 (VoiceCore load benchmark)")
                .header(TwilioSignature.HEADER, tenant.signer().sign(publicUrl + path, parameters))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    // ---------------------------------------------------------------- one step at a constant rate

    /** What one step measured. Latencies in microseconds. */
    static final class Step {
        final String label;
        final int rate;
        final int seconds;
        final Histogram latency = new ConcurrentHistogram(3);  // from the due time
        final Histogram service = new ConcurrentHistogram(3);  // from the actual send
        final Histogram callbackLatency = new ConcurrentHistogram(3);
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder non200 = new LongAdder();
        final LongAdder wrongAnswer = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder ioErrors = new LongAdder();
        final Map<Answer, LongAdder> answers = new EnumMap<>(Answer.class);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder callbacksSent = new LongAdder();
        final LongAdder callbacksFailed = new LongAdder();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicLong lastCompletion = new AtomicLong();
        long start;
        long lastSend;
        long maxLagNanos;
        long blockedOnPermitsNanos;
        Resources.Usage usage;
        ConnectionSampler.Summary db;

        Step(String label, int rate, int seconds) {
            this.label = label;
            this.rate = rate;
            this.seconds = seconds;
            for (Answer a : Answer.values()) {
                answers.put(a, new LongAdder());
            }
        }

        long errors() {
            return non200.sum() + wrongAnswer.sum() + timeouts.sum() + ioErrors.sum();
        }

        double sendRate() {
            long n = sent.sum();
            double secs = (lastSend - start) / 1e9;
            return n <= 1 || secs <= 0 ? n : (n - 1) / secs;
        }

        double completionRate() {
            long n = sent.sum();
            double secs = (lastCompletion.get() - start) / 1e9;
            return secs <= 0 ? 0 : n / secs;
        }

        void sampleError(String text) {
            if (errorSamples.size() < 5) {
                errorSamples.add(text);
            }
        }

        static String ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? "–" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
        }

        static String max(Histogram h) {
            return h.getTotalCount() == 0 ? "–" : String.format("%.1f", h.getMaxValue() / 1000.0);
        }

        String line() {
            return String.format("%s: sent %,d (%.1f/s), done %.1f/s; latency ms p50 %s p90 %s p99 %s p99.9 %s max %s;"
                            + " errors %d (non-200 %d, wrong answer %d, timeout %d, I/O %d); %s; %s%s",
                    label, sent.sum(), sendRate(), completionRate(), ms(latency, 50), ms(latency, 90), ms(latency, 99),
                    ms(latency, 99.9), max(latency), errors(), non200.sum(), wrongAnswer.sum(), timeouts.sum(), ioErrors.sum(),
                    usage == null ? "" : usage.text(), db == null ? "" : db.text(),
                    callbacksSent.sum() == 0 ? "" : String.format("; status callbacks %,d (failed %d, p99 %s ms)",
                            callbacksSent.sum(), callbacksFailed.sum(), ms(callbackLatency, 99)));
        }
    }

    /**
     * Sends at a rate that goes linearly from {@code fromRate} to {@code toRate} over {@code secs} (constant if they are
     * equal): request i is due when the integral of the rate reaches i.
     */
    private Step runStep(String label, int fromRate, int toRate, int secs) throws InterruptedException {
        Step step = new Step(label, toRate, secs);
        long count = Math.round((fromRate + toRate) / 2.0 * secs);
        double slope = (double) (toRate - fromRate) / secs; // calls/s per s
        Semaphore permits = new Semaphore(maxInFlight);
        Resources.Snapshot before = resources.snapshot();
        connections.reset();
        long start = System.nanoTime() + 20_000_000L;
        step.start = start;
        for (long i = 0; i < count; i++) {
            double at = slope == 0 ? i / (double) fromRate
                    : (-fromRate + Math.sqrt((double) fromRate * fromRate + 2 * slope * i)) / slope;
            long due = start + (long) (at * 1e9);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            step.maxLagNanos = Math.max(step.maxLagNanos, now - due);
            GeneratedCall call = nextCall();
            HttpRequest request = incomingRequest(call);
            if (!permits.tryAcquire()) {
                long waitFrom = System.nanoTime();
                permits.acquireUninterruptibly();
                step.blockedOnPermitsNanos += System.nanoTime() - waitFrom;
            }
            step.outstanding.incrementAndGet();
            long sentAt = System.nanoTime();
            step.sent.increment();
            step.lastSend = sentAt;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                try {
                    completed(step, call, due, sentAt, response, failure);
                } finally {
                    permits.release();
                    step.outstanding.decrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L + statusDelayMillis * 1_000_000L + 5_000_000_000L;
        while (step.outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        step.usage = resources.since(before);
        step.db = connections.summary();
        return step;
    }

    private void completed(Step step, GeneratedCall call, long due, long sentAt, HttpResponse<String> response,
                           Throwable failure) {
        long done = System.nanoTime();
        step.latency.recordValue(Math.max(0, (done - due) / 1000));
        step.service.recordValue(Math.max(0, (done - sentAt) / 1000));
        step.lastCompletion.accumulateAndGet(done, Math::max);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException) {
                step.timeouts.increment();
            } else {
                step.ioErrors.increment();
            }
            step.sampleError(call.kind() + " call: " + cause);
            return;
        }
        int status = response.statusCode();
        if (status != 200) {
            step.non200.increment();
            step.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            step.sampleError(call.kind() + " call: HTTP " + status + " " + abbreviate(response.body()));
            return;
        }
        Answer answer = Answer.of(response.body());
        step.answers.get(answer).increment();
        if (!call.kind().accepts(answer)) {
            step.wrongAnswer.increment();
            step.sampleError(call.kind() + " call from " + call.from() + " answered " + answer + ": " + abbreviate(response.body()));
            return;
        }
        step.ok.increment();
        if (statusCallbacks) {
            step.outstanding.incrementAndGet();
            callbackTimer.schedule(() -> sendStatus(step, call, answer), statusDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void sendStatus(Step step, GeneratedCall call, Answer answer) {
        long sentAt = System.nanoTime();
        step.callbacksSent.increment();
        http.sendAsync(statusRequest(call, answer), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            step.callbackLatency.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1000));
            if (failure != null || response.statusCode() != 200) {
                step.callbacksFailed.increment();
                step.sampleError("status callback: " + (failure != null ? failure : "HTTP " + response.statusCode()
                        + " " + abbreviate(response.body())));
            }
            step.outstanding.decrementAndGet();
        });
    }

    // ---------------------------------------------------------------- after the run

    /** What the database holds after the run (embedded database only: read as the superuser, across tenants). */
    private String persistenceCheck() {
        if (db == null) {
            return "not checked (a running server's database is not reachable from here)";
        }
        long expected = tenants.size() + steps.stream().mapToLong(s -> s.ok.sum()).sum();
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(*) filter (where jsonb_array_length(route) >= 3),"
                     + " count(*) filter (where spam_action is not null), count(*) filter (where status = 'completed'),"
                     + " (select count(*) from credit_usage), (select coalesce(sum(minutes), 0) from credit_usage),"
                     + " pg_size_pretty(pg_total_relation_size('calls')) from calls")) {
            rs.next();
            return String.format("%,d call rows (answered without error: %,d incl. the sanity calls), %,d with at least 3 route"
                            + " steps, %,d screened, %,d completed; credit_usage %,d rows, %,d minutes; calls table + indexes %s",
                    rs.getLong(1), expected, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getString(7));
        } catch (SQLException e) {
            return "check failed: " + e.getMessage();
        }
    }

    private String report(String startedAt, String loadAtStart, String persisted) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("## Incoming-call load: results\n\n");
        r.append("- started: ").append(startedAt).append(", finished ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        BenchmarkEnvironment.machine().forEach(m -> r.append("- ").append(m).append('\n'));
        r.append("- load average (1, 5, 15 min) at start: ").append(loadAtStart).append(", at the end: ")
                .append(BenchmarkEnvironment.loadAverageText()).append('\n');
        r.append("- settings: ").append(System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("benchmark") && !k.equals("benchmark.platformKey") && !k.endsWith(".dir"))
                .map(k -> k + "=" + System.getProperty(k)).collect(Collectors.joining(", "))).append('\n');
        r.append(String.format("- workload: %d tenants, each one number, %d available agents, 5 spam rules; %d steps of %d s"
                        + " after a %d s warm-up ramping up to %d/s; callers %.0f %% new numbers (greeting expected), %.0f %% repeat callers"
                        + " (%d numbers per tenant; greeting or challenge), %.0f %% on the block list (reject expected);"
                        + " at most %d requests in flight, timeout %d ms; status callbacks %s%n",
                tenantCount, agentsPerTenant, rates.size(), seconds, warmupSeconds, warmupRate,
                100 * (1 - repeatShare - spamShare), 100 * repeatShare, REPEAT_CALLERS_PER_TENANT, 100 * spamShare, maxInFlight,
                timeoutMillis, statusCallbacks ? "on (completed, " + statusDelayMillis + " ms after the answer)" : "off"));
        if (server != null || db != null) {
            r.append("- server: ").append(module.relativize(module.resolve("target/server"))).append(" (WildFly 39.0.1.Final),"
                    + " JAVA_OPTS ").append(effectiveJavaOpts).append("; port offset ").append(portOffset).append('\n');
            Path ear = module.resolve("target/voicecore.ear");
            r.append(String.format("- EAR: %,d bytes, built %s%n", Files.size(ear), Files.getLastModifiedTime(ear).toInstant()));
            r.append("- server configuration: ").append(serverConfiguration()).append('\n');
            r.append("- database: ").append(databaseSettings()).append('\n');
        }
        notes.forEach(n -> r.append("- ").append(n).append('\n'));
        r.append('\n');

        r.append("Latency is measured from each request's due time (open loop), in ms; errors = non-200 + wrong answer"
                + " + timeout + I/O.\n\n");
        r.append("| step | target/s | sent | sent/s | done/s | p50 | p90 | p99 | p99.9 | max | errors | non-200 | wrong answer"
                + " | timeout | I/O | greeting / challenge / reject / other |\n");
        r.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Step s : steps) {
            r.append(String.format("| %s | %d | %,d | %.1f | %.1f | %s | %s | %s | %s | %s | %d | %d | %d | %d | %d | %,d / %,d / %,d / %,d |%n",
                    s.label, s.rate, s.sent.sum(), s.sendRate(), s.completionRate(), Step.ms(s.latency, 50),
                    Step.ms(s.latency, 90), Step.ms(s.latency, 99), Step.ms(s.latency, 99.9), Step.max(s.latency),
                    s.errors(), s.non200.sum(), s.wrongAnswer.sum(), s.timeouts.sum(), s.ioErrors.sum(),
                    s.answers.get(Answer.GREETING).sum(), s.answers.get(Answer.CHALLENGE).sum(),
                    s.answers.get(Answer.REJECT).sum(), s.answers.get(Answer.OTHER).sum()));
        }
        r.append("\nWhere the time and the machine went (CPU in % of one core, summed over the step incl. its drain;"
                + " the machine has ").append(Runtime.getRuntime().availableProcessors()).append(" cores = ")
                .append(100 * Runtime.getRuntime().availableProcessors()).append(" %):\n\n");
        r.append("| step | service time p50 / p99 (ms, from the actual send) | generator max lag (ms) | waited for a free"
                + " connection (ms) | WildFly CPU % | PostgreSQL CPU % | generator CPU % | other CPU % | machine busy %"
                + " | WildFly RSS MB | DB connections of the pool (mean / max; active mean / max; idle in tx max) |\n");
        r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Step s : steps) {
            Resources.Usage u = s.usage;
            r.append(String.format("| %s | %s / %s | %.1f | %,d | %s | %s | %s | %s | %s | %s | %s |%n", s.label,
                    Step.ms(s.service, 50), Step.ms(s.service, 99), s.maxLagNanos / 1e6, s.blockedOnPermitsNanos / 1_000_000,
                    u.pct(u.server()), u.pct(u.postgres()), u.pct(u.generator()), u.pct(u.other()), u.pct(u.machineBusy()),
                    u.rssMb() < 0 ? "–" : Long.toString(u.rssMb()), s.db == null ? "–" : s.db.cell()));
        }
        if (statusCallbacks) {
            r.append("\nStatus callbacks (completed, ").append(statusDelayMillis).append(" ms after each answer; latency from"
                    + " the send, ms):\n\n| step | sent | failed | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
            for (Step s : steps) {
                r.append(String.format("| %s | %,d | %d | %s | %s | %s |%n", s.label, s.callbacksSent.sum(),
                        s.callbacksFailed.sum(), Step.ms(s.callbackLatency, 50), Step.ms(s.callbackLatency, 99),
                        Step.max(s.callbackLatency)));
            }
        }
        List<String> samples = steps.stream().flatMap(s -> s.errorSamples.stream().map(e -> s.label + ": " + e)).limit(15).toList();
        if (!samples.isEmpty()) {
            r.append("\nFirst errors:\n\n");
            samples.forEach(e -> r.append("- ").append(e.replace('\n', ' ')).append('\n'));
        }
        r.append("\nPersistence after the run: ").append(persisted).append("\n");
        if (dbBefore != null && dbAfter != null) {
            long calls = steps.stream().mapToLong(x -> x.sent.sum()).sum();
            long callbacks = steps.stream().mapToLong(x -> x.callbacksSent.sum()).sum();
            r.append('\n').append(dbAfter.perCall(dbBefore, calls, callbacks, connections.totalSamples()));
        }
        r.append('\n');
        Optional<Step> atTarget = steps.stream().filter(s -> s.rate == TARGET_RATE && !s.label.equals("warm-up")).findFirst();
        if (atTarget.isEmpty()) {
            r.append("Target (p99 < 20 ms at 500 calls/s, no errors): not measured (no 500/s step).\n");
        } else {
            Step s = atTarget.get();
            double p99 = s.latency.getValueAtPercentile(99) / 1000.0;
            boolean met = p99 < TARGET_P99_MILLIS && s.errors() == 0;
            r.append(String.format("Target (p99 < 20 ms at 500 calls/s, no errors): %s (p99 %.1f ms, %d errors, %.1f calls/s"
                    + " completed).%n", met ? "MET" : "NOT MET", p99, s.errors(), s.completionRate()));
        }
        return r.toString();
    }

    private String serverConfiguration() {
        try {
            String xml = Files.readString(workDir.resolve("wildfly/configuration/standalone.xml"));
            List<String> found = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<worker name=\"default\"[^>]*>").matcher(xml);
            if (m.find()) {
                found.add("io " + m.group().replaceAll("\\s+", " ") + (m.group().contains("task-max-threads") ? ""
                        : " (defaults: io-threads = 2 × cores, task-max-threads = 16 × cores)"));
            }
            m = java.util.regex.Pattern.compile("<strict-max-pool name=\"slsb-strict-max-pool\"[^>]*>").matcher(xml);
            if (m.find()) {
                found.add("EJB " + m.group().replaceAll("\\s+", " "));
            }
            int ds = xml.indexOf("pool-name=\"VoiceCoreDS\"");
            if (ds >= 0) {
                m = java.util.regex.Pattern.compile("<max-pool-size>(\\d+)</max-pool-size>").matcher(xml.substring(ds));
                if (m.find()) {
                    found.add("VoiceCoreDS max-pool-size " + m.group(1));
                }
            }
            return String.join("; ", found).replace("|", "/");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String databaseSettings() {
        try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version(), current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " current_setting('shared_buffers'), current_setting('max_connections')")) {
            rs.next();
            return String.format("embedded %s; fsync %s, synchronous_commit %s, shared_buffers %s, max_connections %s",
                    rs.getString(1).replaceAll(" on x86_64.*", ""), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5));
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------- CPU and memory from /proc

    /** CPU time of the server JVM, the embedded PostgreSQL's processes, this JVM and the whole machine. */
    static final class Resources {
        private final long serverPid;
        private final Path postgresBinaries;
        private final long ticksPerSecond = clockTicks();

        Resources(long serverPid, Path postgresBinaries) {
            this.serverPid = serverPid;
            this.postgresBinaries = postgresBinaries;
        }

        record Snapshot(long at, long server, long postgres, long generator, long machineBusy, long machineTotal) {
        }

        record Usage(double seconds, long ticksPerSecond, long server, long postgres, long generator, long machineBusy,
                     long machineTotal, int cores, long rssMb) {

            /** Busy time of the machine minus ours: other processes (a build, tests) competing for the cores. */
            long other() {
                return server < 0 || postgres < 0 ? -1 : Math.max(0, machineBusy - server - postgres - generator);
            }

            String pct(long ticks) {
                return ticks < 0 || seconds <= 0 ? "–" : String.format("%.0f", 100.0 * ticks / ticksPerSecond / seconds);
            }

            String text() {
                return "CPU % WildFly " + pct(server) + ", PostgreSQL " + pct(postgres) + ", generator " + pct(generator)
                        + ", other " + pct(other()) + ", machine " + pct(machineBusy) + (rssMb < 0 ? "" : "; WildFly RSS " + rssMb + " MB");
            }
        }

        Snapshot snapshot() {
            long[] machine = machine();
            return new Snapshot(System.nanoTime(), serverPid > 0 ? ticks(serverPid, false) : -1, postgresTicks(),
                    ticks(ProcessHandle.current().pid(), false), machine[0], machine[1]);
        }

        Usage since(Snapshot before) {
            Snapshot now = snapshot();
            return new Usage((now.at() - before.at()) / 1e9, ticksPerSecond, diff(now.server(), before.server()),
                    diff(now.postgres(), before.postgres()), now.generator() - before.generator(),
                    now.machineBusy() - before.machineBusy(), now.machineTotal() - before.machineTotal(),
                    Runtime.getRuntime().availableProcessors(), serverPid > 0 ? rssKb(serverPid) / 1024 : -1);
        }

        private static long diff(long a, long b) {
            return a < 0 || b < 0 ? -1 : Math.max(0, a - b);
        }

        /** All processes run from the embedded binaries; the postmaster's reaped children count too. */
        private long postgresTicks() {
            if (postgresBinaries == null) {
                return -1;
            }
            String prefix = postgresBinaries.toAbsolutePath().toString();
            List<ProcessHandle> pg = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.startsWith(prefix)).orElse(false)).toList();
            long sum = 0;
            for (ProcessHandle p : pg) {
                boolean postmaster = p.parent().map(parent -> parent.info().command().map(c -> !c.startsWith(prefix))
                        .orElse(true)).orElse(true);
                sum += Math.max(0, ticks(p.pid(), postmaster));
            }
            return pg.isEmpty() ? -1 : sum;
        }

        /** utime + stime (and the reaped children's, if asked) from /proc/PID/stat, in clock ticks. */
        static long ticks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long rssKb(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** {busy, total} ticks of all cores, from the first line of /proc/stat. */
        static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        private static long clockTicks() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                p.waitFor(5, TimeUnit.SECONDS);
                return Long.parseLong(out);
            } catch (IOException | RuntimeException | InterruptedException e) {
                return 100;
            }
        }
    }

    // ---------------------------------------------------------------- the server's database connections

    /**
     * Polls pg_stat_activity every 200 ms for the server's pool (application_name voicecore): how many connections
     * exist, how many run a statement, how many hold a transaction open while the server works in Java.
     */
    static final class ConnectionSampler {
        private final DataSource superuser;
        private volatile boolean running;
        private Thread thread;
        private final AtomicLong samples = new AtomicLong();
        private final AtomicLong allSamples = new AtomicLong();
        private final AtomicLong totalSum = new AtomicLong();
        private final AtomicLong totalMax = new AtomicLong();
        private final AtomicLong activeSum = new AtomicLong();
        private final AtomicLong activeMax = new AtomicLong();
        private final AtomicLong idleInTxMax = new AtomicLong();

        ConnectionSampler(DataSource superuser) {
            this.superuser = superuser;
        }

        record Summary(double totalMean, long totalMax, double activeMean, long activeMax, long idleInTxMax) {
            String cell() {
                return String.format("%.0f / %d; %.1f / %d; %d", totalMean, totalMax, activeMean, activeMax, idleInTxMax);
            }

            String text() {
                return "pool connections " + cell() + " (mean/max; active mean/max; idle in tx max)";
            }
        }

        void start() {
            if (superuser == null) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "load-db-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }

        void reset() {
            samples.set(0);
            totalSum.set(0);
            totalMax.set(0);
            activeSum.set(0);
            activeMax.set(0);
            idleInTxMax.set(0);
        }

        /** Queries this sampler sent (each one transaction the database counts). */
        long totalSamples() {
            return allSamples.get();
        }

        Summary summary() {
            long n = samples.get();
            if (superuser == null || n == 0) {
                return null;
            }
            return new Summary((double) totalSum.get() / n, totalMax.get(), (double) activeSum.get() / n, activeMax.get(),
                    idleInTxMax.get());
        }

        private void loop() {
            try (Connection c = superuser.getConnection(); var ps = c.prepareStatement("select count(*),"
                    + " count(*) filter (where state = 'active'), count(*) filter (where state like 'idle in transaction%')"
                    + " from pg_stat_activity where application_name = 'voicecore'")) {
                while (running) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long total = rs.getLong(1);
                        long active = rs.getLong(2);
                        samples.incrementAndGet();
                        allSamples.incrementAndGet();
                        totalSum.addAndGet(total);
                        totalMax.accumulateAndGet(total, Math::max);
                        activeSum.addAndGet(active);
                        activeMax.accumulateAndGet(active, Math::max);
                        idleInTxMax.accumulateAndGet(rs.getLong(3), Math::max);
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                BenchmarkEnvironment.log("connection sampling stopped: " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- the database's own counters

    /** pg_stat_database and pg_stat_user_tables of the voicecore database, read as the superuser. */
    record DbCounters(long transactions, long returned, long fetched, long inserted, long updated, long deleted,
                      Map<String, long[]> tables) {

        static DbCounters read(EmbeddedDatabase db) {
            if (db == null) {
                return null;
            }
            try (Connection c = db.superuserDataSource().getConnection(); Statement st = c.createStatement()) {
                long[] d = new long[6];
                try (ResultSet rs = st.executeQuery("select xact_commit + xact_rollback, tup_returned, tup_fetched,"
                        + " tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()")) {
                    rs.next();
                    for (int i = 0; i < 6; i++) {
                        d[i] = rs.getLong(i + 1);
                    }
                }
                Map<String, long[]> tables = new TreeMap<>();
                try (ResultSet rs = st.executeQuery("select schemaname || '.' || relname, coalesce(seq_scan, 0),"
                        + " coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_hot_upd, coalesce(seq_tup_read, 0),"
                        + " coalesce(idx_tup_fetch, 0) from pg_stat_user_tables")) {
                    while (rs.next()) {
                        tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8)});
                    }
                }
                try (ResultSet rs = st.executeQuery("select 'index ' || indexrelname, 0, idx_scan, 0, 0, 0, idx_tup_read,"
                        + " idx_tup_fetch from pg_stat_user_indexes")) {
                    while (rs.next()) {
                        tables.put(rs.getString(1), new long[] {0, rs.getLong(3), 0, 0, 0, rs.getLong(7), rs.getLong(8)});
                    }
                }
                return new DbCounters(d[0], d[1], d[2], d[3], d[4], d[5], tables);
            } catch (SQLException e) {
                BenchmarkEnvironment.log("database counters unavailable: " + e.getMessage());
                return null;
            }
        }

        String perCall(DbCounters before, long calls, long callbacks, long samplerQueries) {
            StringBuilder r = new StringBuilder();
            double n = Math.max(1, calls + callbacks);
            // the benchmark's own queries: the connection sampler's, and the two snapshots
            long tx = transactions - before.transactions - samplerQueries - 2;
            r.append(String.format("Database work per request, whole run (%,d incoming calls%s; pg_stat_database and"
                            + " pg_stat_user_tables, the benchmark's own queries subtracted from the transactions):"
                            + " %.2f transactions, %.1f rows returned by scans, %.1f rows fetched, %.2f inserted, %.2f updated.%n%n",
                    calls, callbacks == 0 ? "" : String.format(" + %,d status callbacks", callbacks), tx / n,
                    (returned - before.returned) / n, (fetched - before.fetched) / n, (inserted - before.inserted) / n,
                    (updated - before.updated) / n));
            r.append("| table or index | seq scans | rows read by seq scans (index: entries read) | index scans | rows fetched by"
                    + " index scans | rows inserted"
                    + " | rows updated (HOT) |\n|---|---:|---:|---:|---:|---:|---|\n");
            tables.forEach((name, now) -> {
                long[] was = before.tables.getOrDefault(name, new long[7]);
                long[] delta = new long[7];
                boolean any = false;
                for (int i = 0; i < 7; i++) {
                    delta[i] = now[i] - was[i];
                    any |= delta[i] / n >= 0.005;
                }
                if (any) {
                    r.append(String.format("| %s | %.2f | %.1f | %.2f | %.1f | %.2f | %.2f (%.2f) |%n", name, delta[0] / n,
                            delta[5] / n, delta[1] / n, delta[6] / n, delta[2] / n, delta[3] / n, delta[4] / n));
                }
            });
            return r.append("\n(per request; a table's scans count every statement that read it)\n").toString();
        }
    }

    // ---------------------------------------------------------------- REST helpers

    record Reply(int status, String body) {
        JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }
    }

    private Reply rest(String method, String path, String bearer, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static JsonValue expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("Provisioning failed: expected HTTP " + status + ", got " + reply.status() + " "
                    + abbreviate(reply.body()));
        }
        return reply.body().isBlank() ? JsonValue.NULL : reply.json();
    }

    // ---------------------------------------------------------------- small things

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }



    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
