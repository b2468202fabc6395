package com.voicecore.application;

import com.voicecore.domain.model.registry.DeletionReceipt;

import com.voicecore.domain.model.registry.TenantSummary;

import java.util.List;
import java.util.UUID;

/** The platform's view of its tenants: list, look up, delete (with a receipt). */
public interface TenantRegistryService {

    List<TenantSummary> list(int limit, int offset);

    long count();

    TenantSummary get(UUID tenantId);

    /** Deletes every row of the tenant; the receipt is all that remains. */
    DeletionReceipt delete(UUID tenantId, String requestedBy);

    DeletionReceipt deletionReceipt(UUID tenantId);
}
