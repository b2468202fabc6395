package com.voicecore.interfaces.rest.platform;

import com.voicecore.domain.model.registry.TenantSummary;

import java.time.Instant;
import java.util.UUID;

public record TenantResponse(UUID id, String name, String domain, String status, Instant createdAt) {

    static TenantResponse of(TenantSummary t) {
        return new TenantResponse(t.id(), t.name(), t.domain(), t.status(), t.createdAt());
    }
}
