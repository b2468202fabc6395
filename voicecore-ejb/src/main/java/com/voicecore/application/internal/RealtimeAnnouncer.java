package com.voicecore.application.internal;

import com.voicecore.application.realtime.Audience;
import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimePublisher;
import com.voicecore.domain.model.agent.PresenceChange;
import com.voicecore.domain.model.queue.QueueEntry;
import com.voicecore.domain.model.queue.QueuePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns domain changes into the protocol's messages (docs/agent-protocol.md) and publishes them within
 * the current transaction: they reach the sockets only once it has committed.
 */
@ApplicationScoped
public class RealtimeAnnouncer {

    /** A queue snapshot lists at most this many callers (the NOTIFY payload is small). */
    static final int SNAPSHOT_ENTRIES = 25;

    @Inject
    RealtimePublisher publisher;

    public void presence(PresenceChange change) {
        publisher.publish(new RealtimeEvent(change.tenantId(), Audience.TENANT, null, null,
                presenceMessage(change).toString()));
    }

    public static JsonObject presenceMessage(PresenceChange c) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "presence")
                .add("agentId", c.agentId().toString())
                .add("name", c.name());
        if (c.departmentId() == null) {
            b.addNull("departmentId");
        } else {
            b.add("departmentId", c.departmentId().toString());
        }
        return b.add("status", c.status().code())
                .add("activity", c.activity().code())
                .add("since", c.since().toString())
                .add("reason", c.reason().code())
                .add("version", c.version())
                .build();
    }

    public void offer(UUID tenant, QueueEntry entry, UUID agentId, String summary, Instant now) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "offer")
                .add("offerId", entry.offerId().orElseThrow().toString())
                .add("callId", entry.callId().toString())
                .add("departmentId", entry.departmentId().toString())
                .add("callerNumber", entry.callerNumber());
        if (summary == null) {
            b.addNull("summary");
        } else {
            b.add("summary", summary.length() > 500 ? summary.substring(0, 500) : summary);
        }
        b.add("waitedSeconds", entry.waited(now).getSeconds())
                .add("expiresAt", entry.offerExpiresAt().orElseThrow().toString());
        publisher.publish(new RealtimeEvent(tenant, Audience.AGENT, null, agentId, b.build().toString()));
    }

    public void offerEnded(UUID tenant, UUID offerId, UUID agentId, String reason) {
        publisher.publish(new RealtimeEvent(tenant, Audience.AGENT, null, agentId, Json.createObjectBuilder()
                .add("type", "offer_ended")
                .add("offerId", offerId.toString())
                .add("reason", reason)
                .build().toString()));
    }

    public void callEvent(UUID tenant, QueueEntry entry, String event, UUID agentId, Instant at) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "call")
                .add("callId", entry.callId().toString())
                .add("departmentId", entry.departmentId().toString());
        if (agentId == null) {
            b.addNull("agentId");
        } else {
            b.add("agentId", agentId.toString());
        }
        b.add("event", event).add("callerNumber", entry.callerNumber()).add("at", at.toString());
        publisher.publish(new RealtimeEvent(tenant, Audience.DEPARTMENT, entry.departmentId(), null, b.build().toString()));
    }

    public void queue(UUID tenant, UUID departmentId, List<QueueEntry> ordered, Instant now, QueuePolicy policy,
                      Duration estimatedWait) {
        publisher.publish(new RealtimeEvent(tenant, Audience.DEPARTMENT, departmentId, null,
                queueMessage(departmentId, ordered, now, policy, estimatedWait).toString()));
    }

    public static JsonObject queueMessage(UUID departmentId, List<QueueEntry> ordered, Instant now, QueuePolicy policy,
                                          Duration estimatedWait) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        int position = 0;
        for (QueueEntry e : ordered) {
            position++;
            if (position > SNAPSHOT_ENTRIES) {
                break;
            }
            entries.add(Json.createObjectBuilder()
                    .add("callId", e.callId().toString())
                    .add("position", position)
                    .add("priority", e.priority(now, policy))
                    .add("waitedSeconds", e.waited(now).getSeconds())
                    .add("vip", e.vip())
                    .add("state", e.state().code()));
        }
        long longest = ordered.stream().mapToLong(e -> e.waited(now).getSeconds()).max().orElse(0);
        return Json.createObjectBuilder()
                .add("type", "queue")
                .add("departmentId", departmentId.toString())
                .add("waiting", ordered.size())
                .add("longestWaitSeconds", longest)
                .add("estimatedWaitSeconds", estimatedWait.getSeconds())
                .add("entries", entries)
                .build();
    }
}
