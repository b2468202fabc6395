package com.voicecore.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Signs up a company: the tenant and every default it needs, in one transaction, or nothing. */
public interface TenantProvisioningService {

    ProvisionedTenant provision(@NotNull @Valid NewTenant request);
}
