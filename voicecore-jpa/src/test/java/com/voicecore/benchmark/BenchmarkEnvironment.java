package com.voicecore.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a benchmark result must say about where it was measured (cores, CPU, RAM, Java, load), and the
 * load gate: the machine is shared, so a benchmark waits for a quiet moment before it starts measuring.
 */
public final class BenchmarkEnvironment {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchmarkEnvironment() {
    }

    /** Fresh random bytes (keys, secrets and ids a benchmark makes up for its tenants). */
    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code n} random bytes as lower-case hex. */
    public static String randomHex(int n) {
        return HexFormat.of().formatHex(randomBytes(n));
    }

    /** Daemon threads named {@code name-1, name-2, …}, so a benchmark's pools never keep its JVM alive. */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The 1-, 5- and 15-minute load averages, or NaN where /proc is not there. */
    public static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    public static String loadAverageText() {
        double[] l = loadAverage();
        return String.format("%.2f, %.2f, %.2f", l[0], l[1], l[2]);
    }

    /**
     * {@link #awaitQuietMachine(double, int)} with every benchmark's settings {@code benchmark.maxLoad} (0.8) and
     * {@code benchmark.maxLoadWaitSeconds} (300).
     */
    public static String awaitQuietMachine() throws InterruptedException {
        return awaitQuietMachine(Double.parseDouble(System.getProperty("benchmark.maxLoad", "0.8")),
                Integer.getInteger("benchmark.maxLoadWaitSeconds", 300));
    }

    /** Writes a benchmark's report where it belongs and prints it. */
    public static void publish(java.nio.file.Path file, String report) throws java.io.IOException {
        java.nio.file.Files.writeString(file, report);
        System.out.println();
        System.out.println(report);
    }

    /**
     * Waits (30 s steps) until the 1-minute load is at most {@code maxLoad}, for at most {@code maxWaitSeconds};
     * then goes on anyway, saying so. Returns the load average it started with.
     */
    public static String awaitQuietMachine(double maxLoad, int maxWaitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        while (true) {
            double one = loadAverage()[0];
            if (Double.isNaN(one) || one <= maxLoad) {
                return loadAverageText();
            }
            if (System.nanoTime() >= deadline) {
                log("load average still " + loadAverageText() + " after " + maxWaitSeconds
                        + " s of waiting: measuring anyway (results may be skewed)");
                return loadAverageText() + " (above the " + maxLoad + " gate)";
            }
            log("load average " + loadAverageText() + " > " + maxLoad + ": waiting 30 s for a quiet machine");
            Thread.sleep(30_000);
        }
    }

    /** nproc, CPU model, RAM, Java: one line per fact, for the results header. */
    public static List<String> machine() {
        String cpu = "unknown";
        String mem = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Arrays.stream(l.split("\\s+")).skip(1).findFirst().orElse("0"))
                    .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).findFirst().orElse(mem);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: leave unknown
        }
        return List.of(
                "cores (availableProcessors): " + Runtime.getRuntime().availableProcessors(),
                "CPU: " + cpu,
                "RAM: " + mem,
                "Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "benchmark JVM max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }

    public static void log(String line) {
        System.out.println("[benchmark] " + line);
        System.out.flush();
    }
}
