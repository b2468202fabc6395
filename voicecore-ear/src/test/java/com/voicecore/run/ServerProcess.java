package com.voicecore.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provisioned WildFly, started as a child process on its own copy of the server base directory
 * (so the build's server stays pristine), with the EAR deployed and configuration passed as
 * environment variables (never on the command line, where other users could read it).
 */
public final class ServerProcess implements AutoCloseable {

    private static final java.util.Set<String> RUNTIME_DIRS = java.util.Set.of("log", "data", "tmp");

    private final Process process;
    private final int portOffset;

    private ServerProcess(Process process, int portOffset) {
        this.process = process;
        this.portOffset = portOffset;
    }

    /**
     * The environment a server needs on its own embedded database: both roles' credentials, a platform key, a
     * fresh secrets key and its public address. Mutable, for what a caller adds (JAVA_OPTS, a fake's URL).
     */
    public static Map<String, String> environment(com.voicecore.testsupport.EmbeddedDatabase db, String platformKey, String publicUrl) {
        byte[] secretsKey = new byte[32];
        new SecureRandom().nextBytes(secretsKey);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VOICECORE_DB_URL", db.jdbcUrl());
        env.put("VOICECORE_DB_USER", db.ownerUser());
        env.put("VOICECORE_DB_PASSWORD", db.ownerPassword());
        env.put("VOICECORE_DB_APP_USER", db.appUser());
        env.put("VOICECORE_DB_APP_PASSWORD", db.appPassword());
        env.put("VOICECORE_PLATFORM_API_KEY", platformKey);
        env.put("VOICECORE_SECRETS_KEY", Base64.getEncoder().encodeToString(secretsKey));
        env.put("VOICECORE_PUBLIC_URL", publicUrl);
        return env;
    }

    public static ServerProcess start(Path serverHome, Path baseDir, Path ear, Map<String, String> env, int portOffset,
                                      Path consoleLog) throws IOException {
        if (!Files.isRegularFile(serverHome.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("No provisioned server at " + serverHome + ": build first (mvn verify)");
        }
        deleteTree(baseDir);
        copyTree(serverHome.resolve("standalone"), baseDir);
        // logging.properties names the build's log file by absolute path: point it at this copy's log
        Path logging = baseDir.resolve("configuration/logging.properties");
        if (Files.exists(logging)) {
            Files.writeString(logging, Files.readString(logging).replace(
                    serverHome.resolve("standalone").toAbsolutePath().toString(), baseDir.toAbsolutePath().toString()));
        }
        // the copy deploys through its deployments folder: drop what a running server (Arquillian's, say)
        // has deployed through its management API, or the copy would boot with the same deployment twice
        Path config = baseDir.resolve("configuration/standalone.xml");
        if (Files.exists(config)) {
            Files.writeString(config, Files.readString(config).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
        }
        Files.copy(ear, baseDir.resolve("deployments").resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(consoleLog.getParent());

        List<String> command = new ArrayList<>(List.of(serverHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().putAll(env);
        // makes standalone.sh forward SIGTERM/SIGINT to the server JVM instead of leaving it orphaned
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        return new ServerProcess(builder.start(), portOffset);
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    /** Waits until readiness (database reachable, migrations applied, deployment up) answers UP. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped during start (exit " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("voicecore-database")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (response.body().contains("\"FAILED\"")) {
                    throw new IllegalStateException("The deployment failed: see the server log");
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The server was not ready within " + timeout);
    }

    /** The server's JVM (standalone.sh runs it as a child), while it runs; for benchmarks that sample its CPU and memory. */
    public java.util.Optional<ProcessHandle> serverJvm() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            // SIGTERM to the server JVM and its script: WildFly shuts down gracefully
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // the build's server may have run the tests: their logs and runtime data stay behind
                if (from.relativize(dir).getNameCount() == 1 && RUNTIME_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
