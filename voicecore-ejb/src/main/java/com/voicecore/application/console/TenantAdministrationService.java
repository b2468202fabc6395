package com.voicecore.application.console;

import com.voicecore.application.NewTenant;
import com.voicecore.application.ProvisionedTenant;
import com.voicecore.domain.model.registry.DeletionReceipt;
import com.voicecore.domain.model.registry.TenantSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * The platform admin's tenant use cases in the console. Each one changes the registry through the
 * platform path and records the action in the platform's audit log, in one transaction.
 * {@code actor} is the signed-in platform admin's e-mail.
 */
public interface TenantAdministrationService {

    /** Newest first; {@code offset} counts from the newest. */
    List<TenantSummary> tenants(int limit, int offset);

    long count();

    ProvisionedTenant create(@NotNull @Valid NewTenant tenant, String actor);

    /** A suspended tenant's calls, API keys and console sign-ins stop working; its data stays. */
    TenantSummary suspend(UUID tenantId, String actor);

    TenantSummary resume(UUID tenantId, String actor);

    DeletionReceipt delete(UUID tenantId, String actor);
}
