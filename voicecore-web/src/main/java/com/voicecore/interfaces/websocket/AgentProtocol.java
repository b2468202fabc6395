package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentTokenService;
import com.voicecore.application.CallQueueService;
import com.voicecore.application.PresenceService;
import com.voicecore.application.exception.BusinessException;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.ServiceUnavailableException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.application.internal.RealtimeAnnouncer;
import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.agent.PresenceChange;
import com.voicecore.domain.model.agent.PresenceReason;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.interfaces.twilio.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent protocol (docs/agent-protocol.md) for both endpoints: the welcome, each client message
 * validated and executed under the socket's own tenant, errors that change nothing, and the per-socket
 * flood limit. The socket's identity comes only from its verified token.
 */
@ApplicationScoped
public class AgentProtocol {

    static final int MAX_FRAME = 4096;
    private static final Logger LOG = Logger.getLogger(AgentProtocol.class.getName());

    @Inject
    SocketRegistry sockets;

    @Inject
    PresenceService presence;

    @Inject
    CallQueueService queues;

    @Inject
    PublicUrl publicUrl;

    @Inject
    @ConfigProperty(name = "voicecore.agents.heartbeat-seconds", defaultValue = "30")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "voicecore.ws.burst", defaultValue = "20")
    int burst;

    @Inject
    @ConfigProperty(name = "voicecore.ws.messages-per-second", defaultValue = "10")
    double perSecond;

    /** 4001: the agent was deleted, or its tenant suspended or deleted (docs/agent-protocol.md). */
    static final CloseReason.CloseCode ACCESS_ENDED = () -> 4001;

    @Inject
    AgentTokenService tokens;

    AgentSocket open(Session session, boolean supervisorEndpoint) {
        Object claims = session.getUserProperties().get(AgentHandshake.CLAIMS);
        if (!(claims instanceof AgentClaims c)) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "a valid agent token is required");
            return null;
        }
        if (supervisorEndpoint && !c.isSupervisor()) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "a supervisor token is required");
            return null;
        }
        session.setMaxTextMessageBufferSize(MAX_FRAME * 4);
        AgentSocket socket = new AgentSocket(session, c, supervisorEndpoint, burst, perSecond);
        // registered before the first picture is read, so no change committed in between is missed
        sockets.add(socket);
        try {
            // a token outlives a suspension: the tenant's status is checked at every connection
            String welcome = TenantContext.callAs(c.tenantId(), () -> tokens.tenantActive(c) ? welcome(socket) : null);
            if (welcome == null) {
                sockets.remove(socket);
                close(session, ACCESS_ENDED, "the agent no longer exists or its company is suspended");
                return null;
            }
            socket.send(welcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot welcome an agent socket", e);
            sockets.remove(socket);
            close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error");
            return null;
        }
        return socket;
    }

    void failed(AgentSocket socket, Throwable t) {
        LOG.log(Level.FINE, "Agent socket error", t);
        if (!(t instanceof java.io.IOException)) {
            LOG.log(Level.WARNING, "Agent socket failed: " + t);
        }
        closed(socket);
    }

    void closed(AgentSocket socket) {
        if (socket != null) {
            sockets.remove(socket);
        }
    }

    /**
     * After this node's feed was down, announcements committed meanwhile never reached its sockets: each
     * socket gets a fresh {@code welcome} read from the database (the truth), which clients take as the
     * whole picture again. Runs on the broadcast thread, after every announcement delivered before it.
     */
    void resync() {
        for (UUID tenant : List.copyOf(sockets.tenants())) {
            for (AgentSocket socket : List.copyOf(sockets.of(tenant))) {
                try {
                    String welcome = TenantContext.callAs(tenant, () -> welcome(socket));
                    if (welcome != null) {
                        socket.send(welcome);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Cannot resynchronise an agent socket", e);
                }
            }
        }
    }

    private String welcome(AgentSocket socket) {
        AgentClaims c = socket.claims();
        List<PresenceChange> roster = presence.roster();
        Optional<PresenceChange> self = roster.stream().filter(p -> p.agentId().equals(c.agentId())).findFirst();
        if (self.isEmpty()) {
            return null;
        }
        JsonArrayBuilder agents = Json.createArrayBuilder();
        roster.forEach(p -> agents.add(RealtimeAnnouncer.presenceMessage(p)));
        JsonArrayBuilder queueArray = Json.createArrayBuilder();
        for (String snapshot : queues.snapshots()) {
            JsonObject q = parse(snapshot).orElseThrow();
            if (socket.seesDepartment(UUID.fromString(q.getString("departmentId")))) {
                queueArray.add(q);
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "welcome")
                .add("protocol", 1)
                .add("tenantId", c.tenantId().toString())
                .add("agentId", c.agentId().toString())
                .add("role", c.role().code());
        if (c.departmentId() == null) {
            b.addNull("departmentId");
        } else {
            b.add("departmentId", c.departmentId().toString());
        }
        return b.add("heartbeatSeconds", heartbeatSeconds)
                .add("status", self.get().status().code())
                .add("agents", agents)
                .add("queues", queueArray)
                .build().toString();
    }

    void message(AgentSocket socket, String text) {
        if (socket == null) {
            return;
        }
        if (!socket.allowMessage()) {
            if (socket.isPersistentFlooder()) {
                socket.close(CloseReason.CloseCodes.VIOLATED_POLICY, "flooding");
            } else if (socket.shouldNoticeLimit()) {
                socket.send(error(null, "rate_limited", "Too many messages: at most " + (int) perSecond + " per second"));
            }
            return;
        }
        if (text.length() > MAX_FRAME) {
            socket.send(error(null, "too_large", "A message has at most " + MAX_FRAME + " characters"));
            return;
        }
        Optional<JsonObject> parsed = parse(text);
        if (parsed.isEmpty()) {
            socket.send(error(null, "bad_message", "A message is one JSON object"));
            return;
        }
        JsonObject m = parsed.get();
        String id = string(m, "id").filter(s -> s.length() <= 64).orElse(null);
        Optional<String> type = string(m, "type");
        if (type.isEmpty()) {
            socket.send(error(id, "bad_message", "'type' is required"));
            return;
        }
        TenantContext.set(socket.tenantId());
        try {
            socket.send(handle(socket, type.get(), m, id));
        } catch (BadMessage e) {
            socket.send(error(id, e.code, e.getMessage()));
        } catch (ConflictException e) {
            socket.send(error(id, "offerId".equals(e.field()) ? "offer_gone" : "invalid_state", e.getMessage()));
        } catch (UnknownEntityException e) {
            socket.send(error(id, "forbidden", e.getMessage()));
        } catch (ServiceUnavailableException e) {
            socket.send(error(id, "unavailable", e.getMessage()));
        } catch (BusinessException e) {
            socket.send(error(id, "bad_message", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An agent message failed (" + type.get() + ")", e);
            socket.send(error(id, "internal", "The server could not do that; nothing changed"));
        } finally {
            TenantContext.clear();
        }
    }

    private String handle(AgentSocket socket, String type, JsonObject m, String id) {
        AgentClaims c = socket.claims();
        return switch (type) {
            case "set_status" -> {
                AgentStatus status = string(m, "status").flatMap(AgentProtocol::status)
                        .orElseThrow(() -> new BadMessage("bad_message", "'status' must be one of available, busy, not_available"));
                presence.choose(c.agentId(), status, PresenceReason.AGENT);
                yield ack(id);
            }
            case "heartbeat" -> {
                presence.heartbeat(c.agentId());
                yield Json.createObjectBuilder().add("type", "heartbeat_ack").add("replyTo", nullable(id))
                        .add("serverTime", Instant.now().toString()).add("nextBeforeSeconds", heartbeatSeconds)
                        .build().toString();
            }
            case "accept" -> {
                agentOnly(socket);
                UUID offer = uuid(m, "offerId");
                queues.accept(c.agentId(), offer, bridgeUrl(socket));
                yield ack(id);
            }
            case "reject" -> {
                agentOnly(socket);
                UUID offer = uuid(m, "offerId");
                if (!queues.reject(c.agentId(), offer)) {
                    throw new BadMessage("offer_gone", "The offer is no longer open (it expired, was taken, or is not yours)");
                }
                yield ack(id);
            }
            case "subscribe_queue" -> {
                UUID department = uuid(m, "departmentId");
                if (!socket.seesDepartment(department)) {
                    throw new BadMessage("forbidden", "Only your own department's queue");
                }
                JsonObject snapshot = parse(queues.snapshot(department)).orElseThrow();
                yield Json.createObjectBuilder(snapshot).add("replyTo", nullable(id)).build().toString();
            }
            case "ping" -> Json.createObjectBuilder().add("type", "pong").build().toString();
            default -> throw new BadMessage("bad_message", "Unknown message type");
        };
    }

    private void agentOnly(AgentSocket socket) {
        if (socket.isSupervisorEndpoint()) {
            throw new BadMessage("forbidden", "Offers are taken on /ws/agent");
        }
    }

    private URI bridgeUrl(AgentSocket socket) {
        URI requested = socketUri(socket);
        return URI.create(publicUrl.base(requested) + "/twilio/voice/t/" + socket.tenantId() + "/queue-bridge");
    }

    /** The address the socket was opened at, as http(s): the public base when none is configured (local runs). */
    private static URI socketUri(AgentSocket socket) {
        URI ws = socket.requestUri();
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + (ws.getRawAuthority() == null ? "localhost" : ws.getRawAuthority()) + "/");
    }

    private static Optional<AgentStatus> status(String code) {
        try {
            return Optional.of(AgentStatus.fromCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID uuid(JsonObject m, String field) {
        try {
            return UUID.fromString(string(m, field).orElseThrow());
        } catch (RuntimeException e) {
            throw new BadMessage("bad_message", "'" + field + "' must be an id");
        }
    }

    private static Optional<String> string(JsonObject m, String field) {
        JsonValue v = m.get(field);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    static Optional<JsonObject> parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (IllegalStateException | jakarta.json.JsonException e) {
            return Optional.empty();
        }
    }

    private static String ack(String id) {
        return Json.createObjectBuilder().add("type", "ack").add("replyTo", nullable(id)).build().toString();
    }

    static String error(String id, String code, String message) {
        return Json.createObjectBuilder().add("type", "error").add("replyTo", nullable(id)).add("code", code)
                .add("message", message).build().toString();
    }

    private static JsonValue nullable(String s) {
        return s == null ? JsonValue.NULL : Json.createValue(s);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (Exception ignored) {
            // already closed
        }
    }

    /** A client error: answered with its code, nothing changed. */
    static final class BadMessage extends RuntimeException {
        final String code;

        BadMessage(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
