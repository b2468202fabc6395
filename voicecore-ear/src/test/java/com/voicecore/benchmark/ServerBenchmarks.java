package com.voicecore.benchmark;

import java.util.Map;

/**
 * Entry point of this module's benchmarks ({@code -Pbenchmark}, exec:java): picks one by the system property
 * {@code benchmark}. Not a test: nothing here runs in {@code mvn verify}.
 */
public final class ServerBenchmarks {

    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Main> BENCHMARKS = Map.of(
            "server-start", ServerStartBenchmark::main,
            "incoming-calls", IncomingCallLoadBenchmark::main,
            "receptionist-turns", ReceptionistTurnBenchmark::main,
            "realtime-bridge", RealtimeBridgeBenchmark::main,
            "agent-presence", AgentPresenceBenchmark::main,
            "analytics", AnalyticsBenchmark::main,
            "console", ConsoleRenderBenchmark::main);

    private ServerBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("benchmark", "server-start").trim();
        Main main = BENCHMARKS.get(name);
        if (main == null) {
            throw new IllegalArgumentException("Unknown benchmark '" + name + "' in voicecore-ear; known: "
                    + BENCHMARKS.keySet() + " (voicecore-jpa has tenant-wall)");
        }
        main.run(args);
    }
}
