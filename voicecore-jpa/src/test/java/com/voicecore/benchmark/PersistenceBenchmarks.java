package com.voicecore.benchmark;

import java.util.Map;

/**
 * Entry point of this module's benchmarks ({@code -Pbenchmark}, exec:java): picks one by the system property
 * {@code benchmark}. Not a test: nothing here runs in {@code mvn verify}.
 */
public final class PersistenceBenchmarks {

    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Main> BENCHMARKS = Map.of(
            "tenant-wall", TenantWallBenchmark::main,
            "analytics-sql", AnalyticsSqlBenchmark::main);

    private PersistenceBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("benchmark", "tenant-wall").trim();
        Main main = BENCHMARKS.get(name);
        if (main == null) {
            throw new IllegalArgumentException("Unknown benchmark '" + name + "' in voicecore-jpa; known: "
                    + BENCHMARKS.keySet() + " (voicecore-ear has server-start)");
        }
        main.run(args);
    }
}
