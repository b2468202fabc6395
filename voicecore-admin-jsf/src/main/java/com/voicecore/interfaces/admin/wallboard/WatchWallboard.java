package com.voicecore.interfaces.admin.wallboard;

import com.voicecore.application.CallQueueService;
import com.voicecore.application.DepartmentService;
import com.voicecore.application.PresenceService;
import com.voicecore.domain.model.agent.PresenceChange;
import com.voicecore.domain.model.department.Department;
import com.voicecore.interfaces.admin.security.SignedInUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.Serializable;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /team/wallboard.xhtml: the tenant's agents (status, activity, for how long) and each department's
 * queue (waiting, longest wait, estimated wait), read from the same services the agents' sockets use
 * (PresenceService.roster, CallQueueService.snapshot). Redrawn by the page on every push from
 * {@link WallboardRelay}.
 */
@Named
@ViewScoped
public class WatchWallboard implements Serializable {

    public record AgentLine(UUID agentId, String name, String department, String status, String activity,
                            long forSeconds) implements Serializable {
    }

    public record QueueLine(UUID departmentId, String department, int waiting, int longestWaitSeconds,
                            int estimatedWaitSeconds) implements Serializable {
    }

    @Inject
    PresenceService presence;

    @Inject
    CallQueueService queues;

    @Inject
    DepartmentService departments;

    @Inject
    SignedInUser user;

    private List<AgentLine> agents = List.of();
    private List<QueueLine> queueLines = List.of();
    private Instant refreshedAt;

    /** The page's f:viewAction and every push: the current picture. */
    public void refresh() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Department d : departments.list()) {
            names.put(d.id(), d.name());
        }
        Instant now = Instant.now();
        List<AgentLine> a = new ArrayList<>();
        for (PresenceChange p : presence.roster()) {
            a.add(new AgentLine(p.agentId(), p.name(), p.departmentId() == null ? "" : names.getOrDefault(p.departmentId(), ""),
                    p.status().code(), p.activity().code(), Math.max(0, Duration.between(p.since(), now).toSeconds())));
        }
        a.sort(Comparator.comparing(AgentLine::department).thenComparing(AgentLine::name));
        List<QueueLine> q = new ArrayList<>();
        names.forEach((id, name) -> {
            JsonObject snapshot = parse(queues.snapshot(id));
            q.add(new QueueLine(id, name, snapshot.getInt("waiting", 0), snapshot.getInt("longestWaitSeconds", 0),
                    snapshot.getInt("estimatedWaitSeconds", 0)));
        });
        agents = a;
        queueLines = q;
        refreshedAt = now;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The push channel's user: the signed-in user's tenant (a platform admin has none and gets no pushes). */
    public String getTenantKey() {
        return user.current().map(i -> i.tenantId() == null ? null : i.tenantId().toString()).orElse(null);
    }

    public List<AgentLine> getAgents() {
        return agents;
    }

    public List<QueueLine> getQueues() {
        return queueLines;
    }

    public Instant getRefreshedAt() {
        return refreshedAt;
    }
}
