package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentRole;
import com.voicecore.application.realtime.Audience;
import com.voicecore.application.realtime.RealtimeEvent;
import jakarta.websocket.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Who hears what, over random populations of sockets and events (the broadcaster through the socket
 * registry, with recording sessions): a socket receives an event only from its own tenant; department
 * events (queues, calls) only when it is that department's agent or a supervisor; offers only on the
 * offered agent's own agent sockets; presence by every socket of the tenant.
 */
class DepartmentIsolationPropertyTest {

    private static final UUID[] TENANTS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] DEPARTMENTS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] AGENTS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    record SocketSpec(int tenant, int agent, int department, boolean supervisor, boolean supervisorEndpoint) {
    }

    record EventSpec(int tenant, Audience audience, int department, int agent) {
    }

    @Test
    @DisplayName("Property 19: Department Isolation")
    void eventsReachOnlyTheirTenantDepartmentAndAgent() {
        Gen<SocketSpec> socket = integers().between(0, 1).zip(integers().between(0, 3), integers().between(0, 2),
                integers().between(0, 3), (t, a, d, role) -> new SocketSpec(t, a, d, role >= 2, role == 3));
        Gen<EventSpec> event = integers().between(0, 1).zip(integers().between(0, 2), integers().between(0, 2),
                integers().between(0, 3), (t, kind, d, a) -> new EventSpec(t, Audience.values()[kind], d, a));
        qt().withExamples(300).forAll(lists().of(socket).ofSizeBetween(1, 12), lists().of(event).ofSizeBetween(1, 10))
                .checkAssert((sockets, events) -> {
                    SocketRegistry registry = new SocketRegistry();
                    RealtimeBroadcaster broadcaster = new RealtimeBroadcaster();
                    broadcaster.sockets = registry;
                    List<List<String>> inboxes = new ArrayList<>();
                    for (SocketSpec s : sockets) {
                        List<String> inbox = new ArrayList<>();
                        inboxes.add(inbox);
                        AgentClaims claims = new AgentClaims(TENANTS[s.tenant()], AGENTS[s.agent()],
                                s.supervisor() ? AgentRole.SUPERVISOR : AgentRole.AGENT, DEPARTMENTS[s.department()],
                                Instant.now(), Instant.now().plusSeconds(60));
                        registry.add(new AgentSocket(recording(inbox), claims, s.supervisorEndpoint(), 20, 10));
                    }
                    int n = 0;
                    for (EventSpec e : events) {
                        String message = "event-" + n++;
                        broadcaster.onEvent(new RealtimeEvent(TENANTS[e.tenant()], e.audience(),
                                e.audience() == Audience.DEPARTMENT ? DEPARTMENTS[e.department()] : null,
                                e.audience() == Audience.AGENT ? AGENTS[e.agent()] : null, message));
                    }
                    for (int i = 0; i < sockets.size(); i++) {
                        SocketSpec s = sockets.get(i);
                        List<String> expected = new ArrayList<>();
                        for (int k = 0; k < events.size(); k++) {
                            EventSpec e = events.get(k);
                            boolean sameTenant = e.tenant() == s.tenant();
                            boolean hears = sameTenant && switch (e.audience()) {
                                case TENANT -> true;
                                case DEPARTMENT -> s.supervisor() || e.department() == s.department();
                                case AGENT -> !s.supervisorEndpoint() && e.agent() == s.agent();
                            };
                            if (hears) {
                                expected.add("event-" + k);
                            }
                        }
                        assertEquals(expected, inboxes.get(i), "socket " + s);
                    }
                });
    }

    /** A session that records what is sent to it. */
    private static Session recording(List<String> inbox) {
        Map<String, Object> props = new ConcurrentHashMap<>();
        jakarta.websocket.RemoteEndpoint.Async async = (jakarta.websocket.RemoteEndpoint.Async) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {jakarta.websocket.RemoteEndpoint.Async.class}, (p, m, args) -> {
                    if (m.getName().equals("sendText")) {
                        inbox.add((String) args[0]);
                        if (args.length > 1 && args[1] instanceof jakarta.websocket.SendHandler h) {
                            h.onResult(new jakarta.websocket.SendResult());
                        }
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (p, m, args) ->
                switch (m.getName()) {
                    case "isOpen" -> true;
                    case "getAsyncRemote" -> async;
                    case "getId" -> Integer.toHexString(System.identityHashCode(inbox));
                    case "getUserProperties" -> props;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> null;
                });
    }
}
