package com.voicecore.realtime.fake;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.server.Server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake OpenAI Realtime server (GA shape) on loopback: {@code ws://127.0.0.1:<port>/v1/realtime?model=…}
 * with a bearer key. Each connection is a {@link FakeRealtimeSession} the test drives: it answers
 * {@code session.created} on open and {@code session.updated} to a GA {@code session.update}
 * (a beta-shaped one gets {@code beta_api_shape_disabled} and close 4000, as the real service does),
 * records every client event, and sends whatever server events the test asks for.
 * <p>
 * {@link #refuseConnections(boolean)} makes handshakes fail (OpenAI unreachable). One instance per JVM
 * is active at a time (the endpoint instances find it statically).
 */
public final class FakeOpenAiRealtime implements AutoCloseable {

    private static volatile FakeOpenAiRealtime active;

    private final Server server;
    private final int port;
    private final BlockingQueue<FakeRealtimeSession> opened = new LinkedBlockingQueue<>();
    private final Map<String, FakeRealtimeSession> byCall = new ConcurrentHashMap<>();
    private final List<FakeRealtimeSession> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile java.util.function.Consumer<FakeRealtimeSession> onOpen = s -> { };

    private FakeOpenAiRealtime(int port) throws DeploymentException {
        this.port = port;
        this.server = new Server("127.0.0.1", port, "/", Map.of(), Endpoint.class);
        active = this;
        server.start();
    }

    public static FakeOpenAiRealtime start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            int port = probe.getLocalPort();
            probe.close();
            return new FakeOpenAiRealtime(port);
        } catch (IOException | DeploymentException e) {
            throw new IllegalStateException("The fake OpenAI Realtime server did not start", e);
        }
    }

    /** What the server is told: {@code voicecore.openai.realtime-url}. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port + "/v1/realtime");
    }

    public void refuseConnections(boolean refuse) {
        this.refusing = refuse;
    }

    /** Runs for every new session as it opens (e.g. to script replies). */
    public void onOpen(java.util.function.Consumer<FakeRealtimeSession> handler) {
        this.onOpen = handler;
    }

    /** The next session opened (sessions opened before are returned first, in order). */
    public FakeRealtimeSession awaitSession(Duration timeout) {
        try {
            FakeRealtimeSession s = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw new AssertionError("No OpenAI session was opened within " + timeout);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets sessions opened so far (so a test awaits only its own). */
    public void drain() {
        opened.clear();
    }

    public List<FakeRealtimeSession> sessions() {
        return List.copyOf(all);
    }

    public int openSessions() {
        return (int) all.stream().filter(FakeRealtimeSession::isOpen).count();
    }

    @Override
    public void close() {
        server.stop();
        if (active == this) {
            active = null;
        }
    }

    // ------------------------------------------------------------------ the endpoint

    public static final class Configurator extends ServerEndpointConfig.Configurator {

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            FakeOpenAiRealtime fake = active;
            return fake != null && !fake.refusing;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> auth = request.getHeaders().getOrDefault("Authorization", request.getHeaders().get("authorization"));
            sec.getUserProperties().put("authorization", auth == null || auth.isEmpty() ? null : auth.get(0));
            sec.getUserProperties().put("query", request.getQueryString());
            List<String> beta = request.getHeaders().get("OpenAI-Beta");
            sec.getUserProperties().put("beta", beta == null ? null : beta.get(0));
        }
    }

    @ServerEndpoint(value = "/v1/realtime", configurator = Configurator.class)
    public static final class Endpoint {

        private FakeRealtimeSession session;

        @OnOpen
        public void open(Session s, jakarta.websocket.EndpointConfig config) {
            FakeOpenAiRealtime fake = active;
            session = new FakeRealtimeSession(s, (String) config.getUserProperties().get("authorization"),
                    (String) config.getUserProperties().get("query"), (String) config.getUserProperties().get("beta"));
            s.setMaxTextMessageBufferSize(1 << 20);
            session.sendSessionCreated();
            if (fake != null) {
                fake.all.add(session);
                fake.onOpen.accept(session);
                fake.opened.add(session);
            }
        }

        @OnMessage
        public void message(String text) {
            session.received(text);
        }

        @OnClose
        public void close(CloseReason reason) {
            session.closed(reason);
        }
    }
}
