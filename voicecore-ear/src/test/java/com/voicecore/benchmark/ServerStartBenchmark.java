package com.voicecore.benchmark;

import com.voicecore.run.ServerProcess;
import com.voicecore.testsupport.EmbeddedDatabase;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server start to ready: the provisioned WildFly ({@code target/server}) with the built EAR, started N times
 * through {@link ServerProcess} on an embedded PostgreSQL 16 with a port offset of 300 (tests use 100, a dev
 * server 0). The first start finds a fresh database (the migrations run), the others the migrated one.
 * Measures the wall time from process launch to readiness UP ({@link ServerProcess#awaitReady}), reads WildFly's
 * own "started in" (WFLYSRV0025) from each run's server.log, and breaks the start down by phase from the log's
 * timestamps (kept in {@code target/benchmark/server-start/logs/}).
 *
 * <p>Settings (system properties): {@code benchmark.runs} (5), {@code benchmark.portOffset} (300),
 * {@code benchmark.maxLoad} (0.6), {@code benchmark.maxLoadWaitSeconds} (600), {@code benchmark.work.dir},
 * {@code benchmark.module.dir} (the voicecore-ear folder).
 */
public final class ServerStartBenchmark {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) (.*)$");
    private static final Pattern STARTED_IN = Pattern.compile("WFLYSRV0025: .* started in (\\d+)ms");
    /** Our own readiness polling: logged by WildFly every 200 ms while DOWN; not part of any phase. */
    private static final Pattern NOISE = Pattern.compile("WFLYMPHEALTH0003|IJ000604");

    /** Landmarks of a start, in the order they normally appear. */
    private static final Map<String, Pattern> MARKERS = markers(
            "WildFly core starting (WFLYSRV0049)", "WFLYSRV0049",
            "Elytron up (ELY00001)", "ELY00001",
            "EAR deployment starts (WFLYSRV0027)", "WFLYSRV0027: Starting deployment of \"voicecore.ear\"",
            "HTTP listener up (WFLYUT0006)", "WFLYUT0006",
            "sub-deployments start (WFLYSRV0207)", "WFLYSRV0207",
            "persistence.xml read (WFLYJPA0002)", "WFLYJPA0002",
            "Weld: first deployment processed (WFLYWELD0003)", "WFLYWELD0003",
            "Weld: bootstrap (WELD-000900)", "WELD-000900",
            "Hibernate PU phase 1 (WFLYJPA0010)", "WFLYJPA0010: .*phase 1",
            "Hibernate core (HHH000412)", "HHH000412",
            "Hibernate PU phase 2 (WFLYJPA0010)", "WFLYJPA0010: .*phase 2",
            "Flyway starts", "org\\.flywaydb",
            "migrations done (SchemaMigrator)", "SchemaMigrator\\]",
            "RESTEasy deploys the application (RESTEASY002225)", "RESTEASY002225",
            "web context / registered (WFLYUT0021)", "WFLYUT0021: Registered web context: '/' ",
            "Mojarra initialising /admin", "Initializing Mojarra",
            "PrimeFaces running", "Running on PrimeFaces",
            "web context /admin registered (WFLYUT0021)", "WFLYUT0021: Registered web context: '/admin'",
            "EAR deployed (WFLYSRV0010)", "WFLYSRV0010",
            "server started (WFLYSRV0025)", "WFLYSRV0025");

    private final int runs = Integer.getInteger("benchmark.runs", 5);
    private final int portOffset = Integer.getInteger("benchmark.portOffset", 300);
    private final Path module = Path.of(System.getProperty("benchmark.module.dir", "voicecore-ear")).toAbsolutePath();
    private final Path workDir = Path.of(System.getProperty("benchmark.work.dir", module.resolve("target/benchmark")
            .toString()), "server-start").toAbsolutePath();

    private final List<Run> results = new ArrayList<>();

    private static final class Run {
        int number;
        boolean freshDatabase;
        String load;
        long prepareMillis;      // ServerProcess.start: base dir copied, process launched
        long launchToReadyMillis; // process launched -> /health/ready UP (awaitReady)
        long wildflyStartedMillis = -1; // WFLYSRV0025 "started in"
        long stopMillis;
        Map<String, Long> markers = new LinkedHashMap<>(); // ms after launch
        List<String> gaps = List.of();
        Path log;
    }

    public static void main(String[] args) throws Exception {
        new ServerStartBenchmark().run();
    }

    private void run() throws Exception {
        Path serverHome = module.resolve("target/server");
        Path ear = module.resolve("target/voicecore.ear");
        if (!Files.isRegularFile(ear) || !Files.isRegularFile(serverHome.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("Build first: no " + ear + " or no provisioned server in " + serverHome
                    + " (mvn -q install -DskipTests)");
        }
        String loadAtStart = BenchmarkEnvironment.awaitQuietMachine(Double.parseDouble(System.getProperty("benchmark.maxLoad", "0.6")),
                Integer.getInteger("benchmark.maxLoadWaitSeconds", 600));
        BenchmarkEnvironment.log("server-start: load average at start " + loadAtStart);
        Files.createDirectories(workDir.resolve("logs"));

        EmbeddedDatabase db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false); // fresh, not migrated
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("VOICECORE_DB_URL", db.jdbcUrl());
            env.put("VOICECORE_DB_USER", db.ownerUser());
            env.put("VOICECORE_DB_PASSWORD", db.ownerPassword());
            env.put("VOICECORE_DB_APP_USER", db.appUser());
            env.put("VOICECORE_DB_APP_PASSWORD", db.appPassword());
            env.put("VOICECORE_PLATFORM_API_KEY", "vcp_" + randomHex(32));
            for (int i = 1; i <= runs; i++) {
                results.add(once(i, serverHome, ear, env));
            }
        } finally {
            db.close();
        }
        String report = report(loadAtStart, ear);
        Path out = workDir.resolve("server-start-results.md");
        Files.writeString(out, report);
        System.out.println();
        System.out.println(report);
        BenchmarkEnvironment.log("written to " + out + "; server logs in " + workDir.resolve("logs"));
    }

    private Run once(int number, Path serverHome, Path ear, Map<String, String> env) throws Exception {
        awaitPortsFree();
        Run run = new Run();
        run.number = number;
        run.freshDatabase = number == 1;
        run.load = BenchmarkEnvironment.loadAverageText();
        Path base = workDir.resolve("wildfly");
        long t0 = System.nanoTime();
        ServerProcess server = ServerProcess.start(serverHome, base, ear, env, portOffset,
                workDir.resolve("logs/console-run-" + number + ".log"));
        long launchedAt = System.currentTimeMillis();
        run.prepareMillis = (System.nanoTime() - t0) / 1_000_000;
        Thread stopOnExit = new Thread(server::close, "benchmark-server-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Duration ready = server.awaitReady(Duration.ofMinutes(4));
            run.launchToReadyMillis = ready.toMillis();
        } finally {
            long s = System.nanoTime();
            server.close();
            run.stopMillis = (System.nanoTime() - s) / 1_000_000;
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            run.log = workDir.resolve("logs/server-run-" + number + ".log");
            Files.write(run.log, bootLog(base, serverHome.resolve("standalone/log/server.log"), launchedAt));
        }
        analyse(run, launchedAt);
        BenchmarkEnvironment.log(String.format("run %d (%s database): launch -> ready %,d ms; WildFly 'started in' %,d ms; load %s",
                number, run.freshDatabase ? "fresh" : "migrated", run.launchToReadyMillis, run.wildflyStartedMillis,
                run.load));
        return run;
    }

    /** A server left over from an earlier run would answer our readiness probe: refuse to measure it. */
    private void awaitPortsFree() throws InterruptedException {
        int[] ports = {8080 + portOffset, 9990 + portOffset};
        for (int attempt = 0; ; attempt++) {
            List<Integer> busy = Arrays.stream(ports).filter(ServerStartBenchmark::listening).boxed().toList();
            if (busy.isEmpty()) {
                return;
            }
            if (attempt >= 30) {
                throw new IllegalStateException("Ports " + busy + " are in use (another server with port offset "
                        + portOffset + "?): stop it first");
            }
            Thread.sleep(1000);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- server.log

    private record Line(long millis, String text) {
    }

    /** Every line of a log file with its time in ms after launch; continuation lines take the time before them. */
    private static List<Line> read(Path file, long launchedAt) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        ZoneId zone = ZoneId.systemDefault();
        long last = Long.MIN_VALUE;
        for (String raw : Files.readAllLines(file)) {
            Matcher m = LOG_LINE.matcher(raw);
            if (m.matches()) {
                last = LocalDateTime.parse(m.group(1), LOG_TIME).atZone(zone).toInstant().toEpochMilli() - launchedAt;
            }
            lines.add(new Line(last, raw));
        }
        return lines;
    }

    /**
     * This boot's server.log. WildFly logs its first lines (until the logging subsystem starts) through
     * configuration/logging.properties, whose file name the provisioning wrote as an absolute path: they land in
     * the provisioned server's own standalone/log/server.log, not in the copied base directory. The rest is in
     * the base directory's log, after the copy of the provisioned log it starts with.
     */
    private static List<String> bootLog(Path base, Path provisionedLog, long launchedAt) throws IOException {
        List<String> out = new ArrayList<>();
        List<Line> early = read(provisionedLog, launchedAt);
        String ours = "jboss.server.base.dir = " + base.toAbsolutePath();
        for (int i = 0; i < early.size(); i++) {
            Line l = early.get(i);
            if (l.millis >= 0 && l.text.contains("JBoss Modules version")
                    && early.subList(i, Math.min(early.size(), i + 200)).stream().anyMatch(x -> x.text.contains(ours))) {
                for (int j = i; j < early.size() && (j == i || !early.get(j).text.contains("JBoss Modules version")); j++) {
                    out.add(early.get(j).text);
                }
                break;
            }
        }
        for (Line l : read(base.resolve("log/server.log"), launchedAt)) {
            if (l.millis >= 0) {
                out.add(l.text);
            }
        }
        return out;
    }

    private void analyse(Run run, long launchedAt) throws IOException {
        List<Line> all = read(run.log, launchedAt).stream().filter(l -> LOG_LINE.matcher(l.text).matches())
                .map(l -> new Line(l.millis, l.text.substring(24))).toList();
        // up to "started in" (or readiness): the shutdown after it is not part of the start
        int end = all.size();
        for (int i = 0; i < all.size(); i++) {
            Matcher started = STARTED_IN.matcher(all.get(i).text);
            if (started.find()) {
                run.wildflyStartedMillis = Long.parseLong(started.group(1));
                end = i + 1;
                break;
            }
            if (all.get(i).millis > run.launchToReadyMillis + 1000) {
                end = i;
                break;
            }
        }
        List<Line> lines = all.subList(0, end);
        for (Map.Entry<String, Pattern> marker : MARKERS.entrySet()) {
            lines.stream().filter(l -> marker.getValue().matcher(l.text).find()).findFirst()
                    .ifPresent(l -> run.markers.put(marker.getKey(), l.millis));
        }
        if (!lines.isEmpty()) {
            run.markers.put("first log line", lines.get(0).millis);
        }
        // the longest silences between two log lines (ignoring our own polling): where the time goes
        List<Line> signal = lines.stream().filter(l -> !NOISE.matcher(l.text).find()).toList();
        List<String> gaps = new ArrayList<>();
        List<int[]> idx = new ArrayList<>();
        for (int i = 1; i < signal.size(); i++) {
            idx.add(new int[] {i, (int) (signal.get(i).millis - signal.get(i - 1).millis)});
        }
        idx.sort(Comparator.comparingInt((int[] a) -> a[1]).reversed());
        for (int[] g : idx.subList(0, Math.min(10, idx.size()))) {
            Line before = signal.get(g[0] - 1);
            Line after = signal.get(g[0]);
            gaps.add(String.format("| %,d | %,d | %s | %s |", g[1], before.millis, shorten(before.text),
                    shorten(after.text)));
        }
        run.gaps = gaps;
    }

    private static String shorten(String logText) {
        // drop the level/category/thread prefix noise, keep the message; no pipes inside a markdown table
        String t = logText.replaceFirst("^\\w+\\s+\\[([^\\]]+)\\] \\([^)]*\\) ", "[$1] ").replace('|', '/');
        return t.length() > 150 ? t.substring(0, 150) + "…" : t;
    }

    // ---------------------------------------------------------------- report

    private String report(String loadAtStart, Path ear) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("## Server start to ready: results\n\n");
        r.append("- date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append('\n');
        BenchmarkEnvironment.machine().forEach(m -> r.append("- ").append(m).append('\n'));
        r.append("- server: ").append(module.relativize(module.resolve("target/server"))).append(" (WildFly 39.0.1.Final),"
                + " JAVA_OPTS ").append(System.getenv().getOrDefault("JAVA_OPTS",
                "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true (ServerProcess default)")).append('\n');
        r.append(String.format("- EAR: %s, %,d bytes, built %s%n", module.relativize(ear), Files.size(ear),
                Files.getLastModifiedTime(ear).toInstant()));
        r.append("- database: embedded PostgreSQL 16.15 (fsync off), fresh for run 1, migrated for the others;"
                + " port offset ").append(portOffset).append('\n');
        r.append("- load average (1, 5, 15 min) at start: ").append(loadAtStart).append("\n\n");

        r.append("| run | database | load (1, 5, 15) | prepare base dir + launch (ms) | launch → ready UP (ms) |"
                + " WildFly \"started in\" (ms) | stop (ms) |\n|---:|---|---|---:|---:|---:|---:|\n");
        for (Run x : results) {
            r.append(String.format("| %d | %s | %s | %,d | %,d | %,d | %,d |%n", x.number,
                    x.freshDatabase ? "fresh (migrates)" : "migrated", x.load, x.prepareMillis, x.launchToReadyMillis,
                    x.wildflyStartedMillis, x.stopMillis));
        }
        r.append("\n| metric | min | median | max |\n|---|---:|---:|---:|\n");
        stat(r, "launch → ready UP, all runs (ms)", results.stream().mapToLong(x -> x.launchToReadyMillis).toArray());
        stat(r, "launch → ready UP, migrated runs (ms)",
                results.stream().filter(x -> !x.freshDatabase).mapToLong(x -> x.launchToReadyMillis).toArray());
        stat(r, "WildFly \"started in\", all runs (ms)", results.stream().mapToLong(x -> x.wildflyStartedMillis).toArray());
        long median = median(results.stream().mapToLong(x -> x.launchToReadyMillis).toArray());
        r.append(String.format("%nTarget: ready in under 20 s (median). Median %,d ms: %s.%n%n", median,
                median < 20_000 ? "MET" : "NOT MET"));

        r.append("### Where the time goes (ms after process launch, from server.log timestamps)\n\n");
        r.append("| landmark |");
        results.forEach(x -> r.append(" run ").append(x.number).append(" |"));
        r.append("\n|---|");
        results.forEach(x -> r.append("---:|"));
        r.append('\n');
        List<String> names = new ArrayList<>();
        names.add("first log line");
        names.addAll(MARKERS.keySet());
        for (String name : names) {
            r.append("| ").append(name).append(" |");
            for (Run x : results) {
                Long v = x.markers.get(name);
                r.append(v == null ? " – |" : String.format(" %,d |", v));
            }
            r.append('\n');
        }
        Run typical = results.stream().filter(x -> !x.freshDatabase)
                .sorted(Comparator.comparingLong(x -> x.launchToReadyMillis)).skip(Math.max(0, (runs - 1) / 2))
                .findFirst().orElse(results.get(0));
        for (Run x : results.get(0) == typical ? List.of(typical) : List.of(results.get(0), typical)) {
            r.append(String.format("%n### Longest silences in run %d's server.log (%s database; readiness polling"
                    + " lines ignored)%n%n", x.number, x.freshDatabase ? "fresh" : "migrated"));
            r.append("| gap (ms) | at (ms after launch) | last line before the gap | first line after |\n");
            r.append("|---:|---:|---|---|\n");
            x.gaps.forEach(g -> r.append(g).append('\n'));
        }
        return r.toString();
    }

    private static void stat(StringBuilder r, String label, long[] values) {
        if (values.length == 0) {
            return;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        r.append(String.format("| %s | %,d | %,d | %,d |%n", label, v[0], median(v), v[v.length - 1]));
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, Pattern> markers(String... labelAndRegex) {
        Map<String, Pattern> m = new LinkedHashMap<>();
        for (int i = 0; i < labelAndRegex.length; i += 2) {
            m.put(labelAndRegex[i], Pattern.compile(labelAndRegex[i + 1]));
        }
        return m;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
