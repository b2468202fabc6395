package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentClaims;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open socket and who it belongs to. Sends are asynchronous with a bounded backlog, so one slow
 * client cannot hold up the broadcast to the others; a client that falls too far behind is closed.
 */
final class AgentSocket {

    static final int MAX_BACKLOG = 256;

    private final Session session;
    private final AgentClaims claims;
    private final boolean supervisorEndpoint;
    private final TokenBucket bucket;
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong lastLimitNotice = new AtomicLong();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile long floodSince;

    AgentSocket(Session session, AgentClaims claims, boolean supervisorEndpoint, int burst, double perSecond) {
        this.session = session;
        this.claims = claims;
        this.supervisorEndpoint = supervisorEndpoint;
        this.bucket = new TokenBucket(burst, perSecond, System.nanoTime());
    }

    java.net.URI requestUri() {
        java.net.URI uri = session.getRequestURI();
        return uri == null ? java.net.URI.create("ws://localhost/") : uri;
    }

    AgentClaims claims() {
        return claims;
    }

    UUID tenantId() {
        return claims.tenantId();
    }

    String id() {
        return session.getId();
    }

    boolean isSupervisorEndpoint() {
        return supervisorEndpoint;
    }

    /** Whether a department's queue and call events reach this socket. */
    boolean seesDepartment(UUID departmentId) {
        return claims.isSupervisor() || departmentId.equals(claims.departmentId());
    }

    /** Whether an offer to this agent reaches this socket (agents' own endpoint only). */
    boolean isAgentSocketOf(UUID agentId) {
        return !supervisorEndpoint && claims.agentId().equals(agentId);
    }

    boolean allowMessage() {
        long now = System.nanoTime();
        if (bucket.tryTake(now)) {
            floodSince = 0;
            dropped.set(0);
            return true;
        }
        if (floodSince == 0) {
            floodSince = now;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** A client still flooding after 10 s of refusals is closed (policy violation). */
    boolean isPersistentFlooder() {
        long since = floodSince;
        return since != 0 && System.nanoTime() - since > 10_000_000_000L && dropped.get() > 500;
    }

    /** At most one rate-limit notice per second. */
    boolean shouldNoticeLimit() {
        long now = System.nanoTime();
        long last = lastLimitNotice.get();
        return now - last > 1_000_000_000L && lastLimitNotice.compareAndSet(last, now);
    }

    void send(String message) {
        if (!session.isOpen()) {
            return;
        }
        if (backlog.incrementAndGet() > MAX_BACKLOG) {
            backlog.decrementAndGet();
            // logged so an operator can tell a slow client from a lost one (the session id, never an address)
            java.util.logging.Logger.getLogger(AgentSocket.class.getName()).warning(
                    "Closing agent socket " + session.getId() + ": " + MAX_BACKLOG + " messages unsent");
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too far behind");
            return;
        }
        try {
            session.getAsyncRemote().sendText(message, result -> backlog.decrementAndGet());
        } catch (RuntimeException e) {
            backlog.decrementAndGet();
            java.util.logging.Logger.getLogger(AgentSocket.class.getName()).log(java.util.logging.Level.WARNING,
                    "Could not send to an agent socket: " + e);
        }
    }

    void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | IllegalStateException ignored) {
            // already closing
        }
    }
}
