package com.voicecore.domain.model.registry;

import java.time.Instant;
import java.util.UUID;

/** What the platform knows of a tenant: its registry entry, none of its data. */
public record TenantSummary(UUID id, String name, String domain, String status, Instant createdAt) {
}
