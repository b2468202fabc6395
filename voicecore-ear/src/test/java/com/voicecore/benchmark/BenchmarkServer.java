package com.voicecore.benchmark;

import com.voicecore.run.ServerProcess;
import com.voicecore.testsupport.EmbeddedDatabase;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a benchmark measuring through the server stands on: a clean embedded PostgreSQL and the provisioned
 * WildFly with the EAR at a port offset, under a fresh platform key; closing it stops both.
 */
final class BenchmarkServer implements AutoCloseable {

    final EmbeddedDatabase db;
    final ServerProcess server;
    final String platformKey;
    final String baseUrl;
    /** The database's data directory (its postmaster.pid names the server process). */
    final Path postgresData;

    private BenchmarkServer(EmbeddedDatabase db, ServerProcess server, String platformKey, String baseUrl, Path postgresData) {
        this.db = db;
        this.server = server;
        this.platformKey = platformKey;
        this.baseUrl = baseUrl;
        this.postgresData = postgresData;
    }

    /** Starts both under {@code workDir} ({@code postgres/}, {@code wildfly/}, {@code wildfly-console.log}) and waits until ready. */
    static BenchmarkServer start(Path module, Path workDir, int portOffset, String name) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, false);
        ServerProcess server = null;
        try {
            String baseUrl = "http://127.0.0.1:" + (8080 + portOffset);
            String platformKey = "vcp_" + BenchmarkEnvironment.randomHex(32);
            server = ServerProcess.start(module.resolve("target/server"), workDir.resolve("wildfly"),
                    module.resolve("target/voicecore.ear"), ServerProcess.environment(db, platformKey, baseUrl), portOffset,
                    workDir.resolve("wildfly-console.log"));
            Duration ready = server.awaitReady(Duration.ofMinutes(4));
            BenchmarkEnvironment.log(name + ": server ready in " + ready.toMillis() + " ms");
            return new BenchmarkServer(db, server, platformKey, baseUrl, workDir.resolve("postgres/data"));
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
        }
    }
}
