package com.voicecore.benchmark;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.run.ServerProcess;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code -Dbenchmark=agent-presence}: N agent sockets (default 1,000) of one tenant on one server; one more
 * agent changes its status M times (default 300), one change at a time. For every change, the time from the
 * change (the server's own timestamp of it, taken in the transaction just before it commits; same machine,
 * same clock) to its arrival at each socket, and to its arrival at the last socket. Target: p99 of the
 * latter under 50 ms. The sockets live in this JVM (one Tyrus container), on the same 2 cores as the server.
 */
public final class AgentPresenceBenchmark {

    private final int sockets = Integer.getInteger("benchmark.sockets", 1000);
    private final int changes = Integer.getInteger("benchmark.changes", 300);
    private final int warmup = Integer.getInteger("benchmark.warmup", 50);
    private final int pauseMillis = Integer.getInteger("benchmark.pauseMs", 150);
    private final int heartbeatSeconds = Integer.getInteger("benchmark.heartbeatSeconds", 30);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = Path.of(System.getProperty("benchmark.work.dir", "voicecore-ear/target/benchmark"))
            .toAbsolutePath().resolve("agent-presence");
    private final HttpClient http = HttpClient.newHttpClient();
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        new AgentPresenceBenchmark().run();
    }

    void run() throws Exception {
        Files.createDirectories(workDir);
        String load = BenchmarkEnvironment.awaitQuietMachine(Double.parseDouble(System.getProperty("benchmark.maxLoad", "0.8")), 120);
        BenchmarkEnvironment.log("agent-presence: load average at start " + load);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false)) {
            String platformKey = "vcp_" + BenchmarkEnvironment.randomHex(32);
            baseUrl = "http://127.0.0.1:" + (8080 + portOffset);
            Map<String, String> env = ServerProcess.environment(db, platformKey, baseUrl);
            env.put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true -Dvoicecore.security.pbkdf2-iterations=1000");
            try (ServerProcess server = ServerProcess.start(module.resolve("target/server"), workDir.resolve("wildfly"),
                    module.resolve("target/voicecore.ear"), env, portOffset, workDir.resolve("wildfly-console.log"))) {
                BenchmarkEnvironment.log("server ready in " + server.awaitReady(Duration.ofMinutes(4)).toMillis() + " ms");
                measure(platformKey);
            }
        }
    }

    private void measure(String platformKey) throws Exception {
        JsonObject tenant = post("/api/v1/platform/tenants", platformKey,
                "{\"name\": \"Presence Bench\", \"adminEmail\": \"bench@example.com\", \"timeZone\": \"UTC\"}");
        String key = tenant.getString("apiKey");
        List<String> agentIds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i <= sockets; i++) {
            agentIds.add(post("/api/v1/agents", key, "{\"name\": \"Agent " + i + "\", \"email\": \"a" + i + "@bench.example\"}")
                    .getString("id"));
        }
        BenchmarkEnvironment.log(String.format("%d agents created in %d ms", agentIds.size(), (System.nanoTime() - t0) / 1_000_000));
        String moverId = agentIds.get(0);

        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        URI ws = URI.create(baseUrl.replace("http", "ws") + "/ws/agent");
        Histogram perSocket = new ConcurrentHistogram(3);
        Histogram toLast = new ConcurrentHistogram(3);
        AtomicReference<CountDownLatch> arrivals = new AtomicReference<>(new CountDownLatch(0));
        AtomicReference<Long> expectedVersion = new AtomicReference<>(-1L);
        AtomicInteger stray = new AtomicInteger();
        Map<Long, Long> latestArrival = new ConcurrentHashMap<>();
        Map<String, Integer> closes = new ConcurrentHashMap<>();
        boolean[] recording = {false};
        List<AgentClient> clients = new ArrayList<>();
        t0 = System.nanoTime();
        for (int i = 1; i <= sockets; i++) {
            String token = post("/api/v1/agents/" + agentIds.get(i) + "/token", key, "{}").getString("token");
            AgentClient c = AgentClient.connect(container, ws, token, AgentClient.TokenTransport.HEADER);
            c.onMessage(m -> {
                if (!"presence".equals(m.getString("type", "")) || !moverId.equals(m.getString("agentId", ""))) {
                    return;
                }
                long nowMicros = micros(Instant.now());
                long version = m.getJsonNumber("version").longValue();
                if (version != expectedVersion.get()) {
                    stray.incrementAndGet();
                    return;
                }
                long latency = nowMicros - micros(Instant.parse(m.getString("since")));
                if (recording[0]) {
                    perSocket.recordValue(Math.max(0, latency));
                    latestArrival.merge(version, latency, Math::max);
                }
                arrivals.get().countDown();
            });
            long connectedAt = System.nanoTime();
            c.closed().thenAccept(reason -> {
                if (closes.isEmpty()) {
                    BenchmarkEnvironment.log(String.format("first socket closed %d s after it connected: %s",
                            (System.nanoTime() - connectedAt) / 1_000_000_000L, reason));
                }
                closes.merge(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase(), 1, Integer::sum);
            });
            clients.add(c);
            c.welcome();
            // like the softphone: a real agent's client heartbeats at the interval the server announces, from the
            // start (the server closes a socket that has sent nothing for about 90 s)
            if (heartbeatSeconds > 0) {
                c.startHeartbeats(Duration.ofSeconds(heartbeatSeconds));
            }
        }

        BenchmarkEnvironment.log(String.format("%d sockets connected and welcomed in %d ms", clients.size(),
                (System.nanoTime() - t0) / 1_000_000));
        // an idle spell before the changes shows whether quiet sockets stay open (supervisor dashboards send nothing)
        Thread.sleep(Long.getLong("benchmark.idleMs", 0));
        AgentClient mover = AgentClient.connect(container, ws, post("/api/v1/agents/" + moverId + "/token", key, "{}").getString("token"),
                AgentClient.TokenTransport.HEADER);
        // the mover keeps its presence alive (a client that chose a status expires without heartbeats)
        mover.startHeartbeats(Duration.ofSeconds(10));
        long version = mover.welcome().getJsonArray("agents").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("agentId").equals(moverId)).findFirst().orElseThrow().getJsonNumber("version").longValue();
        int missing = 0;
        for (int n = 0; n < warmup + changes; n++) {
            recording[0] = n >= warmup;
            CountDownLatch latch = new CountDownLatch(clients.size());
            arrivals.set(latch);
            expectedVersion.set(++version);
            mover.setStatus(n % 2 == 0 ? "available" : "busy").get(10, TimeUnit.SECONDS);
            if (!latch.await(10, TimeUnit.SECONDS)) {
                missing += (int) latch.getCount();
                BenchmarkEnvironment.log(String.format("change %d: %d sockets did not receive it; sockets closed so far: %s",
                        n, latch.getCount(), closes));
                if (clients.stream().noneMatch(AgentClient::isOpen)) {
                    throw new IllegalStateException("every socket is closed: " + closes);
                }
            }
            if (recording[0]) {
                Long last = latestArrival.get(version);
                if (last != null) {
                    toLast.recordValue(Math.max(0, last));
                }
            }
            // the server throttles each socket to 10 messages/s after a burst of 20 (flood protection): the
            // mover's pace stays under it, or its set_status would be refused and never acknowledged
            Thread.sleep(pauseMillis);
        }
        clients.forEach(AgentClient::close);
        mover.close();
        String report = report(perSocket, toLast, missing, stray.get());
        Files.writeString(workDir.resolve("agent-presence-results.md"), report);
        System.out.println(report);
    }

    private String report(Histogram perSocket, Histogram toLast, int missing, int stray) {
        StringBuilder r = new StringBuilder();
        r.append("## agent-presence (").append(Instant.now()).append(")\n\n");
        r.append(String.format("%d sockets of one tenant, %d measured status changes (after %d warm-up), one at a time.%n%n",
                sockets, changes, warmup));
        r.append("| measure | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n");
        r.append(row("change → arrival at each socket", perSocket));
        r.append(row("change → arrival at the last socket", toLast));
        r.append(String.format("%nmissing arrivals: %d; out-of-order or duplicate arrivals: %d%n", missing, stray));
        r.append("\nmachine:\n");
        BenchmarkEnvironment.machine().forEach(l -> r.append("- ").append(l).append('\n'));
        return r.toString();
    }

    private static String row(String what, Histogram h) {
        return String.format("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", what, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private JsonObject post(String path, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
