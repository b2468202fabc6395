package com.voicecore.application;

import com.voicecore.domain.model.registry.TenantSummary;

/**
 * A tenant just provisioned. The API key and the administrator's first password are in clear here and
 * nowhere else: they are shown once, and only their hashes are stored.
 */
public record ProvisionedTenant(TenantSummary tenant, String apiKey, String adminEmail, String adminPassword) {
}
