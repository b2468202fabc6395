package com.voicecore.domain.model.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who the caller can ask for: the tenant's departments and agents by name, agents by extension. */
public record Directory(List<Listing> departments, List<Listing> agents, Map<String, Listing> extensions) {

    public Directory {
        departments = List.copyOf(departments);
        agents = List.copyOf(agents);
        extensions = Map.copyOf(extensions);
    }

    public record Listing(UUID id, String name) {
    }

    public static Directory empty() {
        return new Directory(List.of(), List.of(), Map.of());
    }

    public Optional<Listing> byExtension(String digits) {
        return Optional.ofNullable(extensions.get(digits));
    }
}
