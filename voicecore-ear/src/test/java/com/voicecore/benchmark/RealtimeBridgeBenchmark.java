package com.voicecore.benchmark;

import com.voicecore.realtime.fake.FakeMediaStream;
import com.voicecore.realtime.fake.FakeOpenAiRealtime;
import com.voicecore.realtime.fake.FakeRealtimeSession;
import com.voicecore.run.ServerProcess;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.CallSimulator;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code -Dbenchmark=realtime-bridge}: how many concurrent realtime calls one node bridges with p99
 * bridge latency under 5 ms and no dropped or reordered frame, and the CPU and memory each call costs.
 * <p>
 * A separate WildFly process (the built EAR, embedded PostgreSQL) is told to use the fake OpenAI
 * Realtime server of this process. Calls are placed through the call simulator's signed webhooks up to
 * {@code <Connect><Stream>}; each stream is a {@link FakeMediaStream}. Steps hold N calls for a while:
 * every 20 ms each call's Twilio side sends a 160-byte μ-law frame and its OpenAI side a 160-byte audio
 * delta (50 frames/s each way per call). Every frame carries its sender's sequence number and send time
 * ({@link System#nanoTime()}, one clock: same machine): the receiver checks order and gaps and records
 * the latency. That latency is fake → loopback → bridge → loopback → fake, so it bounds the bridge's own
 * share from above. Marks are echoed at once (playback is not simulated; the bridge's mark work stays).
 * <p>
 * Options: {@code benchmark.levels} (default 50,100,200,400,700,1000), {@code benchmark.seconds} per step
 * (20), {@code benchmark.portOffset} (310), {@code benchmark.setupRate} calls/s while ramping (40).
 */
public final class RealtimeBridgeBenchmark {

    private static final int FRAME = 160;
    /** Frame senders: each serves every SHARDS-th call, so one slow send does not hold up all calls. */
    private static final int SHARDS = Integer.getInteger("benchmark.senders", 4);
    private static final double TARGET_P99_MS = 5.0;

    private final List<Integer> levels = Arrays.stream(System.getProperty("benchmark.levels", "50,100,200,400,700,1000").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    private final int seconds = Integer.getInteger("benchmark.seconds", 20);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 310);
    private final int setupRate = Integer.getInteger("benchmark.setupRate", 40);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = Path.of(System.getProperty("benchmark.work.dir", module.resolve("target/benchmark").toString()))
            .resolve("realtime-bridge");

    private final Recorder towardsOpenAi = new Recorder(3);
    private final Recorder towardsCaller = new Recorder(3);
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong framesToOpenAi = new AtomicLong();
    private final AtomicLong framesToCaller = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<FakeRealtimeSession, long[]> openAiSide = new ConcurrentHashMap<>(); // {next expected seq, sent seq, flowing}
    private final List<Map.Entry<FakeRealtimeSession, long[]>> openAiList = new CopyOnWriteArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private EmbeddedDatabase db;
    private ServerProcess server;
    private FakeOpenAiRealtime openAi;
    private CallSimulator simulator;
    private String number;
    private String accountSid;
    private ScheduledExecutorService ticker;
    private ExecutorService callThreads;
    private long baselineRssMb;

    /** One live call: its Twilio side, and what it expects of the frames it receives. */
    private static final class Call {
        final FakeMediaStream stream;
        final CountDownLatch hangUp = new CountDownLatch(1);
        long sent;
        long nextExpected = 1;

        Call(FakeMediaStream stream) {
            this.stream = stream;
        }
    }

    public static void main(String[] args) throws Exception {
        new RealtimeBridgeBenchmark().run();
    }

    private void run() throws Exception {
        String load = BenchmarkEnvironment.awaitQuietMachine(Double.parseDouble(System.getProperty("benchmark.maxLoad", "1.0")),
                Integer.getInteger("benchmark.maxLoadWaitSeconds", 300));
        BenchmarkEnvironment.log("realtime-bridge: load average at start " + load);
        Files.createDirectories(workDir);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).toString();
        openAi = FakeOpenAiRealtime.start();
        openAi.onOpen(this::driveOpenAiSide);
        ticker = Executors.newScheduledThreadPool(SHARDS, BenchmarkEnvironment.daemonThreads("bench-ticker"));
        callThreads = Executors.newCachedThreadPool(BenchmarkEnvironment.daemonThreads("bench-call"));
        try {
            startServer();
            provision();
            IncomingCallLoadBenchmark.Resources resources = new IncomingCallLoadBenchmark.Resources(
                    server.serverJvm().map(ProcessHandle::pid).orElse(-1L), workDir.resolve("postgres/binaries"));
            baselineRssMb = IncomingCallLoadBenchmark.Resources.rssKb(server.serverJvm().map(ProcessHandle::pid).orElse(-1L)) / 1024;
            for (int shard = 0; shard < SHARDS; shard++) {
                int mine = shard;
                ticker.scheduleAtFixedRate(() -> tick(mine), 20, 20, TimeUnit.MILLISECONDS);
            }
            for (int level : levels) {
                long t0 = System.nanoTime();
                while (placed.get() < level) {
                    placed.incrementAndGet();
                    place();
                    Thread.sleep(1000 / setupRate);
                }
                awaitFlowing(level);
                BenchmarkEnvironment.log(String.format("%d calls up in %,d ms; measuring %d s", level,
                        (System.nanoTime() - t0) / 1_000_000, seconds));
                Thread.sleep(2000); // settle
                towardsOpenAi.reset();
                towardsCaller.reset();
                long toAi = framesToOpenAi.get();
                long toCaller = framesToCaller.get();
                long gapsBefore = gaps.get();
                long orderBefore = outOfOrder.get();
                IncomingCallLoadBenchmark.Resources.Snapshot before = resources.snapshot();
                Thread.sleep(seconds * 1000L);
                IncomingCallLoadBenchmark.Resources.Usage usage = resources.since(before);
                Histogram in = towardsOpenAi.getIntervalHistogram();
                Histogram out = towardsCaller.getIntervalHistogram();
                long lost = gaps.get() - gapsBefore;
                long reordered = outOfOrder.get() - orderBefore;
                double rateIn = (framesToOpenAi.get() - toAi) / (double) seconds;
                double rateOut = (framesToCaller.get() - toCaller) / (double) seconds;
                double serverCores = usage.server() < 0 ? -1 : usage.server() / (double) usage.ticksPerSecond() / usage.seconds();
                long dead = calls.stream().filter(c -> !c.stream.isOpen()).count();
                if (dead > 0) {
                    notes.add(level + " calls: " + dead + " streams had been closed by the server (sent to a human)");
                }
                boolean ok = dead == 0 && ms(out.getValueAtPercentile(99)) < TARGET_P99_MS && ms(in.getValueAtPercentile(99)) < TARGET_P99_MS
                        && lost == 0 && reordered == 0 && rateIn >= level * 50 * 0.97 && rateOut >= level * 50 * 0.97;
                String row = String.format("| %d | %.0f / %.0f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %d / %d | %.2f cores (%.1f ms CPU/s per call) | %d MB (%.2f MB per call) | %s |",
                        level, rateIn, rateOut,
                        ms(out.getValueAtPercentile(50)), ms(out.getValueAtPercentile(99)), ms(out.getMaxValue()),
                        ms(in.getValueAtPercentile(50)), ms(in.getValueAtPercentile(99)), ms(in.getMaxValue()),
                        lost, reordered, serverCores, serverCores * 1000 / level, usage.rssMb(),
                        (usage.rssMb() - baselineRssMb) / (double) level, ok ? "yes" : "no");
                rows.add(row);
                BenchmarkEnvironment.log(row + " machine: " + usage.text());
            }
            String report = report(startedAt, load);
            Files.writeString(workDir.resolve("realtime-bridge-results.md"), report);
            System.out.println();
            System.out.println(report);
        } finally {
            ticker.shutdownNow();
            calls.forEach(c -> c.hangUp.countDown());
            if (server != null) {
                server.close();
            }
            if (db != null) {
                db.close();
            }
            openAi.close();
            callThreads.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ traffic

    /** Every 20 ms: one frame each way for every live call of this shard. */
    private void tick(int shard) {
        try {
            for (int i = shard; i < calls.size(); i += SHARDS) {
                Call call = calls.get(i);
                if (call.stream.isOpen()) {
                    try {
                        call.stream.frame(frame(++call.sent, System.nanoTime()));
                    } catch (IllegalStateException closed) {
                        // the call ended (its stream closed); counted at the end
                    }
                }
            }
            for (int i = shard; i < openAiList.size(); i += SHARDS) {
                Map.Entry<FakeRealtimeSession, long[]> e = openAiList.get(i);
                long now = System.nanoTime();
                long[] state = e.getValue();
                if (state[2] == 1 && e.getKey().isOpen()) { // the stream is attached: audio flows
                    e.getKey().audioDelta("resp_1", "item_1", frame(++state[1], now));
                }
            }
        } catch (RuntimeException e) {
            notes.add("tick failed: " + e);
        }
    }

    private void driveOpenAiSide(FakeRealtimeSession session) {
        session.countAudioOnly();
        long[] state = {1, 0, 0}; // next expected seq, sent seq, flowing
        openAiSide.put(session, state);
        openAiList.add(Map.entry(session, state));
        session.onEvent(event -> {
            if (!"input_audio_buffer.append".equals(event.getString("type", ""))) {
                return;
            }
            byte[] audio = Base64.getDecoder().decode(event.getString("audio"));
            long received = System.nanoTime();
            ByteBuffer b = ByteBuffer.wrap(audio);
            long seq = b.getLong();
            long sentAt = b.getLong();
            synchronized (state) {
                check(seq, state, 0);
                state[2] = 1;
            }
            towardsOpenAi.recordValue(Math.max(0, received - sentAt) / 1000);
            framesToOpenAi.incrementAndGet();
        });
    }

    private void check(long seq, long[] state, int index) {
        if (seq < state[index]) {
            outOfOrder.incrementAndGet();
        } else {
            if (seq > state[index]) {
                gaps.addAndGet(seq - state[index]);
            }
            state[index] = seq + 1;
        }
    }

    private static byte[] frame(long seq, long sentAt) {
        return ByteBuffer.allocate(FRAME).putLong(seq).putLong(sentAt).array();
    }

    private void place() {
        callThreads.submit(() -> {
            SimulatedCall sim = simulator.call(CallScript.from("+1415" + (5_000_000 + (int) (Math.random() * 4_999_999))).to(number)
                    .staySilent()
                    .whenStreamed((sid, url, params) -> {
                        FakeMediaStream stream = FakeMediaStream.open(URI.create(url), sid, accountSid, params);
                        stream.countAudioOnly();
                        Call call = new Call(stream);
                        long[] expected = {1};
                        stream.onMedia(received -> { });
                        stream.onMediaPayload((payload, received) -> {
                            ByteBuffer b = ByteBuffer.wrap(payload);
                            long seq = b.getLong();
                            long sentAt = b.getLong();
                            synchronized (expected) {
                                check(seq, expected, 0);
                            }
                            towardsCaller.recordValue(Math.max(0, received - sentAt) / 1000);
                            framesToCaller.incrementAndGet();
                        });
                        stream.echoMarksAtOnce();
                        calls.add(call);
                        try {
                            call.hangUp.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        stream.hangUp();
                    }));
            if (!sim.failures().isEmpty()) {
                notes.add("a call failed: " + sim.failures());
            }
        });
    }

    private void awaitFlowing(int level) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long flowing = openAiSide.values().stream().filter(s -> s[2] == 1).count();
            if (calls.size() >= level && flowing >= level) {
                return;
            }
            Thread.sleep(100);
        }
        notes.add("at " + level + ": only " + openAiSide.values().stream().filter(s -> s[2] == 1).count() + " sessions flowing after 60 s");
    }

    // ------------------------------------------------------------------ server and tenant

    private void startServer() throws Exception {
        Path serverHome = module.resolve("target/server");
        Path ear = module.resolve("target/voicecore.ear");
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("Build first: no " + ear);
        }
        db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false);
        String base = "http://127.0.0.1:" + (8080 + portOffset);
        Map<String, String> env = ServerProcess.environment(db, "vcp_" + BenchmarkEnvironment.randomHex(32), base);
        env.put("VOICECORE_OPENAI_REALTIME_URL", openAi.url().toString());
        server = ServerProcess.start(serverHome, workDir.resolve("wildfly"), ear, env, portOffset, workDir.resolve("wildfly-console.log"));
        Duration ready = server.awaitReady(Duration.ofMinutes(4));
        BenchmarkEnvironment.log("server ready in " + ready.toMillis() + " ms");
        platformKey = env.get("VOICECORE_PLATFORM_API_KEY");
        baseUrl = base;
    }

    private String platformKey;
    private String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private void provision() throws Exception {
        JsonObject created = rest("POST", "/api/v1/platform/tenants", platformKey, "{\"name\": \"Realtime load\", \"adminEmail\": \"rt-"
                + BenchmarkEnvironment.randomHex(4) + "@example.com\", \"timeZone\": \"Europe/Berlin\", \"departments\": [\"Reception\", \"Sales\"],"
                + " \"includedMinutes\": 10000000}");
        String key = created.getString("apiKey");
        accountSid = "AC" + BenchmarkEnvironment.randomHex(16);
        String token = BenchmarkEnvironment.randomHex(16);
        rest("PUT", "/api/v1/settings/telephony", key, "{\"accountSid\": \"" + accountSid + "\", \"authToken\": \"" + token + "\"}");
        number = "+4930" + (20_000_000 + new SecureRandom().nextInt(70_000_000));
        rest("POST", "/api/v1/phone-numbers", key, "{\"number\": \"" + number + "\"}");
        rest("PUT", "/api/v1/business-hours/emergency", key, "{\"mode\": \"open\"}");
        rest("PUT", "/api/v1/settings/realtime", key, "{\"enabled\": true, \"openaiApiKey\": \"sk-bench-" + BenchmarkEnvironment.randomHex(12)
                + "\", \"maxConcurrentCalls\": 1000}");
        simulator = new CallSimulator(URI.create(baseUrl), accountSid, token).withoutStatusCallbacks();
    }

    private JsonObject rest(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        String text = r.body();
        return text.startsWith("{") ? Json.createReader(new java.io.StringReader(text)).readObject() : JsonObject.EMPTY_JSON_OBJECT;
    }

    // ------------------------------------------------------------------ report

    private String report(String startedAt, String load) {
        StringBuilder b = new StringBuilder();
        b.append("## Realtime bridge: concurrent calls on one node (`-Dbenchmark=realtime-bridge`)\n\n");
        b.append("Run ").append(startedAt).append("; load average at start ").append(load).append(". Machine: ")
                .append(String.join("; ", BenchmarkEnvironment.machine())).append(".\n");
        b.append("Each step holds N calls for ").append(seconds).append(" s; 50 frames/s each way per call. Latency is fake → bridge → fake")
                .append(" (an upper bound of what the bridge adds); ms p50 / p99 / max. Target: p99 < 5 ms both ways, no lost or")
                .append(" reordered frame.\n\n");
        b.append("| calls | frames/s to OpenAI / to caller | to caller p50 / p99 / max | to OpenAI p50 / p99 / max | lost / reordered"
                + " | WildFly CPU | WildFly RSS | met |\n|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append("\nWildFly RSS before the first call: ").append(baselineRssMb).append(" MB.\n");
        if (!notes.isEmpty()) {
            b.append("\nNotes: ").append(String.join("; ", notes.subList(0, Math.min(10, notes.size())))).append('\n');
        }
        return b.toString();
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
