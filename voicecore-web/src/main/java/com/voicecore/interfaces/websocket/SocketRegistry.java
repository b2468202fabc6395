package com.voicecore.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** This node's open agent and supervisor sockets, by tenant (a CDI bean, not a static set). */
@ApplicationScoped
public class SocketRegistry {

    private final Map<UUID, Set<AgentSocket>> byTenant = new ConcurrentHashMap<>();

    void add(AgentSocket socket) {
        byTenant.computeIfAbsent(socket.tenantId(), t -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void remove(AgentSocket socket) {
        byTenant.computeIfPresent(socket.tenantId(), (t, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    Collection<AgentSocket> of(UUID tenant) {
        Set<AgentSocket> set = byTenant.get(tenant);
        return set == null ? List.of() : set;
    }

    Collection<UUID> tenants() {
        return byTenant.keySet();
    }

    public int count() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }
}
