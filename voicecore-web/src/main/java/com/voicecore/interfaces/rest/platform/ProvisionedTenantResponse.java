package com.voicecore.interfaces.rest.platform;

import com.voicecore.application.ProvisionedTenant;

/** The only response that carries the API key and the first password: store them now, they are not shown again. */
public record ProvisionedTenantResponse(TenantResponse tenant, String apiKey, String adminEmail, String adminPassword) {

    static ProvisionedTenantResponse of(ProvisionedTenant p) {
        return new ProvisionedTenantResponse(TenantResponse.of(p.tenant()), p.apiKey(), p.adminEmail(), p.adminPassword());
    }
}
