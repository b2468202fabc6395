package com.voicecore.benchmark;

import com.voicecore.run.ServerProcess;
import com.voicecore.simulator.TwilioSignature;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Server time per turn of the turn-based AI receptionist with 1,000 knowledge-base entries in the
 * tenant (target: p99 under 50 ms). Starts embedded PostgreSQL and the provisioned WildFly (port
 * offset 300), provisions one tenant through the APIs with 1,000 entries whose words overlap heavily
 * (40 services × 25 aspects: most caller questions match hundreds of entries, the worst case for
 * ranking), then plays calls from {@code benchmark.callers} concurrent callers: the signed incoming
 * webhook, then turns at the receptionist step (paraphrased questions, questions nobody answers,
 * unclear speech, a department), until the call is handed over or ends; then the terminal status
 * callback (transcript, summary, learning). Closed loop: each caller waits for the answer.
 *
 * <p>Measured per turn: the webhook's round trip on loopback (everything the server does for the
 * turn: signature, tenant, idempotency, lock, language detection, intent, knowledge search, turn
 * stored, TwiML rendered, commit) and, from the database, the policy's own time recorded on the turn.
 *
 * <p>Settings: {@code benchmark.entries} (1000), {@code benchmark.callers} (4), {@code benchmark.turns}
 * (3000 measured), {@code benchmark.warmupTurns} (1500), {@code benchmark.portOffset} (300),
 * {@code benchmark.seed}, {@code benchmark.maxLoad} (0.8), {@code benchmark.maxLoadWaitSeconds} (300).
 */
public final class ReceptionistTurnBenchmark {

    private static final double TARGET_P99_MILLIS = 50.0;

    private static final String[] SERVICES = {"cleaning", "whitening", "implant", "crown", "veneer", "filling", "root canal",
            "denture", "braces", "aligner", "extraction", "checkup", "x-ray", "mouthguard", "bridge", "sealant", "fluoride",
            "gum treatment", "bonding", "inlay", "onlay", "night guard", "retainer", "scaling", "polishing", "consultation",
            "emergency visit", "wisdom tooth removal", "bite splint", "sedation", "oral surgery", "tooth contouring", "space maintainer",
            "periodontal care", "teeth grinding therapy", "dry mouth treatment", "bad breath treatment", "sensitivity treatment",
            "tongue cleaning", "smile design"};
    private static final String[][] ASPECTS = {
            {"How much does a %s cost?", "price fee"}, {"How long does a %s take?", "duration time"},
            {"Is a %s painful?", "pain hurt"}, {"Does insurance cover a %s?", "insurer coverage"},
            {"Who performs the %s?", "dentist doctor"}, {"Can children get a %s?", "kids child"},
            {"How do I prepare for a %s?", "preparation before"}, {"What happens after a %s?", "aftercare recovery"},
            {"How often do I need a %s?", "frequency interval"}, {"Can I book a %s online?", "booking website"},
            {"Can I eat after a %s?", "food eating"}, {"Is a %s safe during pregnancy?", "pregnant"},
            {"What are the risks of a %s?", "danger side effects"}, {"Can I pay a %s in instalments?", "payment plan"},
            {"Do you offer a %s on Saturdays?", "weekend saturday"}, {"How long does a %s last?", "lifetime durable"},
            {"Can a %s be done in one visit?", "single appointment"}, {"Do I need an x-ray before a %s?", "radiograph"},
            {"What anaesthesia is used for a %s?", "numbing anesthetic"}, {"Can I drive after a %s?", "car driving"},
            {"Is a %s covered for seniors?", "elderly discount"}, {"Can I cancel a %s appointment?", "cancellation reschedule"},
            {"What should I bring to a %s?", "documents card"}, {"Do you have a specialist for %s?", "expert"},
            {"What is the waiting time for a %s?", "wait queue"}};
    private static final String[] PARAPHRASES = {"how much is %s %s", "what about %s for %s", "I want to know %s of a %s",
            "tell me about %s and the %s", "%s %s please"};
    private static final String[] UNANSWERABLE = {"do you sell bicycles", "what is the weather tomorrow",
            "who won the match yesterday", "can you order me a pizza"};

    private final int entries = Integer.getInteger("benchmark.entries", 1000);
    private final int callers = Integer.getInteger("benchmark.callers", 4);
    private final int turns = Integer.getInteger("benchmark.turns", 3000);
    private final int warmupTurns = Integer.getInteger("benchmark.warmupTurns", 1500);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final long seed = Long.getLong("benchmark.seed", 20261124L);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = module.resolve("target/benchmark/receptionist-turns");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong callSerial = new AtomicLong(new SecureRandom().nextInt(1_000_000));
    private final Histogram latency = new ConcurrentHistogram(3);
    private final LongAdder answered = new LongAdder();
    private final LongAdder handedOver = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder calls = new LongAdder();

    private String baseUrl;
    private String tenantId;
    private String accountSid;
    private String number;
    private TwilioSignature signer;

    public static void main(String[] args) throws Exception {
        new ReceptionistTurnBenchmark().run();
    }

    private void run() throws Exception {
        String load = BenchmarkEnvironment.awaitQuietMachine();
        Files.createDirectories(workDir);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        EmbeddedDatabase db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false);
        ServerProcess server = null;
        try {
            baseUrl = "http://127.0.0.1:" + (8080 + portOffset);
            String platformKey = "vcp_" + BenchmarkEnvironment.randomHex(32);
            Map<String, String> env = ServerProcess.environment(db, platformKey, baseUrl);
            server = ServerProcess.start(module.resolve("target/server"), workDir.resolve("wildfly"),
                    module.resolve("target/voicecore.ear"), env, portOffset, workDir.resolve("wildfly-console.log"));
            Duration ready = server.awaitReady(Duration.ofMinutes(4));
            BenchmarkEnvironment.log("receptionist-turns: server ready in " + ready.toMillis() + " ms; load " + load);
            provision(platformKey);

            BenchmarkEnvironment.log("warm-up: " + warmupTurns + " turns (JIT, pools; not measured)");
            play(warmupTurns, false);
            latency.reset();
            answered.reset();
            handedOver.reset();
            errors.reset();
            calls.reset();
            BenchmarkEnvironment.log("measuring: " + turns + " turns from " + callers + " concurrent callers");
            long t0 = System.nanoTime();
            play(turns, true);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String policy = policyTimes(db);
            String report = report(startedAt, seconds, policy);
            Files.writeString(workDir.resolve("receptionist-turns-results.md"), report);
            System.out.println();
            System.out.println(report);
        } finally {
            if (server != null) {
                server.close();
            }
            db.close();
        }
    }

    // ---------------------------------------------------------------- the tenant

    private void provision(String platformKey) throws Exception {
        JsonObject created = expect(201, rest("POST", "/api/v1/platform/tenants", platformKey, "{\"name\": \"Turn bench "
                + BenchmarkEnvironment.randomHex(3) + "\", \"adminEmail\": \"bench-" + BenchmarkEnvironment.randomHex(4) + "@example.com\", \"timeZone\": \"Europe/Berlin\","
                + " \"departments\": [\"Reception\", \"Sales\", \"Support\"], \"includedMinutes\": 10000000}"));
        String key = created.getString("apiKey");
        tenantId = created.getJsonObject("tenant").getString("id");
        accountSid = "AC" + BenchmarkEnvironment.randomHex(16);
        String token = BenchmarkEnvironment.randomHex(16);
        signer = new TwilioSignature(token);
        expect(200, rest("PUT", "/api/v1/settings/telephony", key, "{\"accountSid\": \"" + accountSid + "\", \"authToken\": \"" + token + "\"}"));
        number = "+4930" + (20_000_000 + new Random().nextInt(70_000_000));
        expect(201, rest("POST", "/api/v1/phone-numbers", key, "{\"number\": \"" + number + "\"}"));
        expect(200, rest("PUT", "/api/v1/business-hours/emergency", key, "{\"mode\": \"open\"}"));
        long t0 = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            String service = SERVICES[i % SERVICES.length];
            String[] aspect = ASPECTS[(i / SERVICES.length) % ASPECTS.length];
            String question = String.format(aspect[0], service) + (i >= SERVICES.length * ASPECTS.length ? " (" + i + ")" : "");
            expect(201, rest("POST", "/api/v1/knowledge", key, Json.createObjectBuilder().add("question", question)
                    .add("answer", "About " + service + ": answer number " + i + ".").add("keywords", aspect[1])
                    .add("category", service).add("language", "en").add("priority", i % 50).build().toString()));
        }
        BenchmarkEnvironment.log(String.format("provisioned: %d knowledge-base entries in %,d ms", entries,
                (System.nanoTime() - t0) / 1_000_000));
    }

    // ---------------------------------------------------------------- calls

    private void play(int totalTurns, boolean measured) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicLong remaining = new AtomicLong(totalTurns);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long callerSeed = seed + c + (measured ? 1000 : 0);
            running.add(pool.submit(() -> {
                Random random = new Random(callerSeed);
                while (remaining.get() > 0) {
                    oneCall(random, remaining, measured);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private void oneCall(Random random, AtomicLong remaining, boolean measured) throws Exception {
        String sid = "CA" + String.format("%032x", callSerial.incrementAndGet());
        String from = "+1415" + String.format("%07d", random.nextInt(10_000_000));
        Map<String, String> base = new LinkedHashMap<>();
        base.put("AccountSid", accountSid);
        base.put("CallSid", sid);
        base.put("From", from);
        base.put("To", number);
        base.put("Direction", "inbound");
        base.put("ApiVersion", "2010-04-01");
        Map<String, String> incoming = new LinkedHashMap<>(base);
        incoming.put("CallStatus", "ringing");
        post("/twilio/voice/incoming", incoming);
        calls.increment();
        for (int t = 0; t < 6 && remaining.getAndDecrement() > 0; t++) {
            Map<String, String> turn = new LinkedHashMap<>(base);
            turn.put("CallStatus", "in-progress");
            int kind = random.nextInt(100);
            String words;
            double confidence = 0.9;
            if (kind < 70) {
                String service = SERVICES[random.nextInt(SERVICES.length)];
                String aspectWords = ASPECTS[random.nextInt(ASPECTS.length)][1].split(" ")[0];
                words = String.format(PARAPHRASES[random.nextInt(PARAPHRASES.length)], aspectWords, service);
            } else if (kind < 85) {
                words = UNANSWERABLE[random.nextInt(UNANSWERABLE.length)];
            } else if (kind < 93) {
                words = "sorry what";
                confidence = 0.05;
            } else {
                words = "I'd like to talk to sales";
            }
            turn.put("SpeechResult", words);
            turn.put("Confidence", Double.toString(confidence));
            long sent = System.nanoTime();
            HttpResponse<String> reply = post("/twilio/voice/t/" + tenantId + "/receptionist-input", turn);
            long micros = (System.nanoTime() - sent) / 1000;
            if (reply.statusCode() != 200 || !reply.body().contains("<Response>")) {
                errors.increment();
            }
            latency.recordValue(Math.max(1, micros));
            if (reply.body().contains("<Dial") || reply.body().contains("<Hangup") || reply.body().contains("<Record")) {
                handedOver.increment();
                break;
            }
            answered.increment();
        }
        Map<String, String> status = new LinkedHashMap<>(base);
        status.put("CallStatus", "completed");
        status.put("CallDuration", Integer.toString(30 + random.nextInt(60)));
        status.put("SequenceNumber", "0");
        post("/twilio/voice/status", status);
    }

    private HttpResponse<String> post(String path, Map<String, String> parameters) throws Exception {
        String body = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header(TwilioSignature.HEADER, signer.sign(baseUrl + path, parameters))
                .header("I-Twilio-Idempotency-Token", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- results

    private String policyTimes(EmbeddedDatabase db) throws Exception {
        try (Connection c = db.superuserDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), percentile_cont(0.5) within group (order by server_ms),"
                     + " percentile_cont(0.99) within group (order by server_ms), max(server_ms),"
                     + " (select count(*) from knowledge_suggestions), (select count(*) from calls where transcript is not null)"
                     + " from conversation_turns")) {
            rs.next();
            return String.format("%,d turns stored (warm-up included): policy time p50 %.0f ms, p99 %.0f ms, max %d ms;"
                            + " %d suggestions pending; %,d calls with transcript", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6));
        }
    }

    private String report(String startedAt, double seconds, String policy) {
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        StringBuilder out = new StringBuilder();
        out.append("### receptionist-turns (").append(startedAt).append(")\n\n");
        out.append("Machine: ").append(String.join("; ", BenchmarkEnvironment.machine())).append("\n\n");
        out.append(String.format("%d knowledge-base entries in the tenant; %d concurrent callers, closed loop; %,d measured turns in"
                + " %,d calls over %.1f s (%.0f turns/s) after %,d warm-up turns; %,d answered or re-asked, %,d handed over or"
                + " ended; %d errors.%n%n", entries, callers, latency.getTotalCount(), calls.sum(), seconds,
                latency.getTotalCount() / seconds, warmupTurns, answered.sum(), handedOver.sum(), errors.sum()));
        out.append("| turn webhook round trip (loopback) | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|\n");
        out.append(String.format("| ms | %.1f | %.1f | %.1f | %.1f | %.1f |%n%n", latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0, p99, latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0));
        out.append("In the transaction (from conversation_turns.server_ms): ").append(policy).append("\n\n");
        out.append(String.format("Target: p99 under %.0f ms per turn: %s (p99 %.1f ms).%n", TARGET_P99_MILLIS,
                p99 < TARGET_P99_MILLIS && errors.sum() == 0 ? "**met**" : "**not met**", p99));
        return out.toString();
    }

    private record Reply(int status, String body) {
    }

    private Reply rest(String method, String path, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static JsonObject expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("Provisioning failed: expected " + status + ", got " + reply.status() + " " + reply.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }
}
