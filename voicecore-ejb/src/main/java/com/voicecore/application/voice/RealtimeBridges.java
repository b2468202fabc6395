package com.voicecore.application.voice;

import com.voicecore.infrastructure.security.StreamTokens;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's realtime bridges, by stream id. A bridge is created and its OpenAI session opened while
 * the webhook that hands Twilio the stream is answered; the stream, when it arrives, is admitted by its
 * token and attached to that bridge. A stream that lands on a node without its bridge (another node
 * answered the webhook, or the session failed meanwhile) gets a new one, opened then. A bridge whose
 * stream never comes is closed after the token's lifetime.
 */
@ApplicationScoped
public class RealtimeBridges {

    private static final Logger LOG = Logger.getLogger(RealtimeBridges.class.getName());

    @Inject
    RealtimeConnector connector;

    @Inject
    RealtimeConversations conversations;

    @Inject
    StreamTokens tokens;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentHashMap<UUID, RealtimeBridge> bridges = new ConcurrentHashMap<>();

    /** Creates the call's bridge and starts opening its OpenAI session; the webhook does not wait for it. */
    public void preOpen(UUID tenantId, UUID streamId, UUID callId, String callSid, SessionConfig config, Duration tokenLifetime) {
        RealtimeBridge bridge = new RealtimeBridge(streamId, callId, callSid, config, new Support(tenantId, streamId));
        bridges.put(streamId, bridge);
        connect(bridge, config);
        scheduler.schedule(() -> {
            if (!bridge.isAttached()) {
                bridge.abandon();
                bridges.remove(streamId, bridge);
            }
        }, tokenLifetime.toMillis() + 5000, TimeUnit.MILLISECONDS);
    }

    /**
     * Admits a stream that presents {@code token} in its {@code start} message and attaches it to its
     * bridge. Throws {@link StreamRejectedException} (nothing changed) for a missing, malformed, forged,
     * expired or reused token, one for another call, or a call that is no longer live.
     */
    public RealtimeBridge admit(String token, String callSid, String streamSid, MediaChannel channel) {
        StreamTokens.Claims claims = tokens.verify(token, clock.instant())
                .orElseThrow(() -> new StreamRejectedException("invalid or expired stream token"));
        if (!claims.callSid().equals(callSid)) {
            throw new StreamRejectedException("the stream token belongs to another call");
        }
        Admission admission = TenantContext.callAs(claims.tenantId(), () -> conversations.admit(claims.streamId(), callSid));
        RealtimeBridge bridge = bridges.get(admission.streamId());
        if (bridge == null || bridge.isDead() || bridge.isFinished()) {
            // not pre-opened here (another node answered the webhook) or its session failed: open one now
            bridge = new RealtimeBridge(admission.streamId(), admission.callId(), callSid, admission.config(),
                    new Support(admission.tenantId(), admission.streamId()));
            bridges.put(admission.streamId(), bridge);
            bridge.attach(channel, streamSid);
            connect(bridge, admission.config());
        } else {
            bridge.attach(channel, streamSid);
        }
        return bridge;
    }

    /** The stream never came (the step after it runs): close its session. */
    public void discard(UUID streamId) {
        RealtimeBridge bridge = bridges.get(streamId);
        if (bridge != null && !bridge.isAttached()) {
            bridge.abandon();
            bridges.remove(streamId, bridge);
        }
    }

    /** Bridges held on this node (pre-opened or live). */
    public int size() {
        return bridges.size();
    }

    private void connect(RealtimeBridge bridge, SessionConfig config) {
        CompletionStage<Optional<RealtimeConnection>> opening;
        try {
            opening = connector.connect(config, bridge);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Opening an OpenAI session failed for call " + bridge.callSid(), e);
            bridge.connectFailed();
            return;
        }
        opening.whenComplete((connection, error) -> {
            if (error != null || connection == null || connection.isEmpty()) {
                bridge.connectFailed();
            } else {
                bridge.connected(connection.get());
            }
        });
    }

    /** A bridge's transactional work, in order, off the socket threads, in its tenant. */
    private final class Support implements BridgeSupport {

        private final UUID tenantId;
        private final UUID streamId;
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

        Support(UUID tenantId, UUID streamId) {
            this.tenantId = tenantId;
            this.streamId = streamId;
        }

        private synchronized <T> CompletableFuture<T> inOrder(String what, Supplier<T> work) {
            CompletableFuture<T> next = tail.handle((v, e) -> null)
                    .thenApplyAsync(v -> TenantContext.callAs(tenantId, work), executor);
            next.whenComplete((v, e) -> {
                if (e != null) {
                    LOG.log(Level.WARNING, "Realtime " + what + " failed for stream " + streamId, e);
                }
            });
            tail = next;
            return next;
        }

        @Override
        public CompletionStage<TurnOutcome> record(Turn turn) {
            return inOrder("turn", () -> conversations.record(turn));
        }

        @Override
        public CompletionStage<Optional<String>> language(String callerWords) {
            return inOrder("language", () -> conversations.chooseLanguage(streamId, callerWords));
        }

        @Override
        public CompletionStage<String> tool(String name, String argumentsJson) {
            return inOrder("tool " + name, () -> runTool(name, argumentsJson));
        }

        @Override
        public CompletionStage<Void> failed(String reason) {
            return inOrder("failure", () -> {
                conversations.failed(streamId, reason);
                return (Void) null;
            }).handle((v, e) -> null);
        }

        @Override
        public void closed() {
            bridges.remove(streamId);
            inOrder("close", () -> {
                conversations.closed(streamId);
                return null;
            });
        }

        @Override
        public void schedule(Runnable task, long delayMillis) {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }

        private String runTool(String name, String argumentsJson) {
            JsonObject args = Optional.ofNullable(RealtimeBridge.parse(argumentsJson)).orElse(jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
            return switch (name) {
                case "transfer_call" -> conversations.transfer(streamId, args.getString("department", null),
                        args.getString("agent", null), args.getString("extension", null));
                case "search_knowledge_base" -> conversations.searchKnowledge(streamId, args.getString("query", ""));
                case "take_message" -> conversations.takeMessage(streamId, args.getString("message", null),
                        args.getString("caller_name", null), args.getString("callback_number", null),
                        args.getString("department", null));
                case "end_call" -> conversations.end(streamId, args.getString("reason", null));
                default -> "{\"ok\":false,\"error\":\"unknown tool\"}";
            };
        }
    }
}
