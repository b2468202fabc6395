package com.voicecore.interfaces.admin;

import com.voicecore.application.TenantRegistryService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The console's landing panel: how many tenants the platform serves. */
@Named
@RequestScoped
public class PlatformOverview {

    @Inject
    TenantRegistryService registry;

    public String getStatus() {
        long tenants = registry.count();
        return tenants + (tenants == 1 ? " tenant" : " tenants");
    }
}
