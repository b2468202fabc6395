package com.voicecore.client.agent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One agent's (or supervisor's) connection to {@code /ws/agent} or {@code /ws/supervisor}.
 * <pre>{@code
 * String token = AgentTokens.issue(baseUrl, tenantApiKey, agentId, "agent").token();
 * try (AgentClient agent = AgentClient.connect(URI.create("wss://host/ws/agent"), token)) {
 *     agent.startHeartbeats(Duration.ofSeconds(agent.welcome().getInt("heartbeatSeconds")));
 *     agent.setStatus("available").join();
 *     JsonObject offer = agent.await(m -> "offer".equals(m.getString("type")), Duration.ofMinutes(5));
 *     agent.accept(offer.getString("offerId")).join();
 * }
 * }</pre>
 * Every message received is kept in arrival order ({@link #await}, {@link #received}) and handed to the
 * listeners; requests answer a future completed by the server's {@code ack}/reply or failed by its
 * {@code error}.
 */
public final class AgentClient implements AutoCloseable {

    public static final String SUBPROTOCOL = "voicecore-agent-v1";

    /** How the token travels: a header (default for Java) or the browser's subprotocol form. */
    public enum TokenTransport { HEADER, SUBPROTOCOL }

    private final Session session;
    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final List<JsonObject> history = new CopyOnWriteArrayList<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final CompletableFuture<JsonObject> welcome = new CompletableFuture<>();
    private volatile ScheduledExecutorService heartbeats;

    private AgentClient(WebSocketContainer container, URI uri, String token, TokenTransport transport)
            throws IOException, DeploymentException {
        Objects.requireNonNull(token, "token");
        ClientEndpointConfig.Builder config = ClientEndpointConfig.Builder.create();
        if (transport == TokenTransport.SUBPROTOCOL) {
            config.preferredSubprotocols(List.of(SUBPROTOCOL, "bearer." + token));
        } else {
            config.preferredSubprotocols(List.of(SUBPROTOCOL));
            config.configurator(new ClientEndpointConfig.Configurator() {
                @Override
                public void beforeRequest(Map<String, List<String>> headers) {
                    headers.put("Authorization", List.of("Bearer " + token));
                }
            });
        }
        this.session = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig c) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) AgentClient.this::received);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
                pending.values().forEach(f -> f.completeExceptionally(new IOException("closed: " + reason)));
                welcome.completeExceptionally(new IOException("closed before the welcome: " + reason));
            }

            @Override
            public void onError(Session s, Throwable t) {
                closed.complete(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(t)));
            }
        }, config.build(), uri);
    }

    /** Connects with the token in an Authorization header. */
    public static AgentClient connect(URI uri, String token) throws IOException, DeploymentException {
        return connect(uri, token, TokenTransport.HEADER);
    }

    public static AgentClient connect(URI uri, String token, TokenTransport transport) throws IOException, DeploymentException {
        return new AgentClient(ContainerProvider.getWebSocketContainer(), uri, token, transport);
    }

    public static AgentClient connect(WebSocketContainer container, URI uri, String token, TokenTransport transport)
            throws IOException, DeploymentException {
        return new AgentClient(container, uri, token, transport);
    }

    private void received(String text) {
        JsonObject m;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            m = reader.readObject();
        } catch (RuntimeException e) {
            return; // the server only sends JSON objects
        }
        history.add(m);
        inbox.add(m);
        String type = m.getString("type", "");
        if ("welcome".equals(type)) {
            welcome.complete(m);
        }
        if (m.containsKey("replyTo") && m.get("replyTo").getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
            CompletableFuture<JsonObject> f = pending.remove(m.getString("replyTo"));
            if (f != null) {
                if ("error".equals(type)) {
                    f.completeExceptionally(new AgentProtocolException(m.getString("code", "error"), m.getString("message", "")));
                } else {
                    f.complete(m);
                }
            }
        }
        listeners.forEach(l -> l.accept(m));
    }

    /** The server's first message (presence roster, visible queues); waits for it up to 10 s. */
    public JsonObject welcome() {
        try {
            return welcome.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No welcome from the server", e);
        }
    }

    public void onMessage(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    public CompletableFuture<JsonObject> setStatus(String status) {
        return request(Json.createObjectBuilder().add("type", "set_status").add("status", status));
    }

    public CompletableFuture<JsonObject> heartbeat() {
        return request(Json.createObjectBuilder().add("type", "heartbeat"));
    }

    public CompletableFuture<JsonObject> accept(String offerId) {
        return request(Json.createObjectBuilder().add("type", "accept").add("offerId", offerId));
    }

    public CompletableFuture<JsonObject> reject(String offerId) {
        return request(Json.createObjectBuilder().add("type", "reject").add("offerId", offerId));
    }

    public CompletableFuture<JsonObject> subscribeQueue(String departmentId) {
        return request(Json.createObjectBuilder().add("type", "subscribe_queue").add("departmentId", departmentId));
    }

    /** Sends heartbeats at this interval until closed (the server's welcome says the interval). */
    public synchronized void startHeartbeats(Duration every) {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "agent-heartbeat");
                t.setDaemon(true);
                return t;
            });
            heartbeats.scheduleAtFixedRate(() -> {
                if (session.isOpen()) {
                    heartbeat();
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
    }

    /** Sends a message with a fresh id; the future completes with the reply or fails with the error. */
    public CompletableFuture<JsonObject> request(JsonObjectBuilder message) {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        // a reply that never comes fails the future instead of leaving its caller waiting for ever
        reply.orTimeout(15, TimeUnit.SECONDS).whenComplete((r, e) -> pending.remove(id));
        try {
            sendRaw(message.add("id", id).build().toString());
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(e);
        }
        return reply;
    }

    /** Sends any text as it is (for tests of the server's validation). */
    public void sendRaw(String text) throws IOException {
        synchronized (session) {
            session.getBasicRemote().sendText(text);
        }
    }

    /** Waits for the next message (from now on, or already received and not yet taken) matching the test. */
    public JsonObject await(Predicate<JsonObject> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject m = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("No matching message within " + timeout + "; received " + history);
                }
                if (test.test(m)) {
                    return m;
                }
                skipped.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            // messages skipped on the way stay available to the next await, in order
            List<JsonObject> rest = new ArrayList<>();
            inbox.drainTo(rest);
            inbox.addAll(skipped);
            inbox.addAll(rest);
        }
    }

    /** Like {@link #await} but empty instead of failing. */
    public Optional<JsonObject> poll(Predicate<JsonObject> test, Duration timeout) {
        try {
            return Optional.of(await(test, timeout));
        } catch (AssertionError e) {
            return Optional.empty();
        }
    }

    /** Everything received so far, in order. */
    public List<JsonObject> received() {
        return List.copyOf(history);
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    public String negotiatedSubprotocol() {
        return session.getNegotiatedSubprotocol();
    }

    /** Completes when the server (or the network) closed the connection. */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }

    @Override
    public void close() {
        stopHeartbeats();
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
