package com.voicecore.application.internal;

import com.voicecore.domain.model.registry.DeletionReceipt;
import com.voicecore.application.TenantRegistryService;
import com.voicecore.domain.model.registry.TenantSummary;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.registry.TenantRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class DefaultTenantRegistryService implements TenantRegistryService {

    private static final Logger LOG = Logger.getLogger(DefaultTenantRegistryService.class.getName());

    @Inject
    TenantRegistry registry;

    @Override
    public List<TenantSummary> list(int limit, int offset) {
        return registry.list(limit, offset);
    }

    @Override
    public long count() {
        return registry.count();
    }

    @Override
    public TenantSummary get(UUID tenantId) {
        return registry.find(tenantId).orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
    }

    @Override
    public DeletionReceipt delete(UUID tenantId, String requestedBy) {
        DeletionReceipt receipt = registry.delete(tenantId, requestedBy)
                .orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
        LOG.info(() -> "Tenant " + tenantId + " deleted, receipt " + receipt.receiptId());
        return receipt;
    }

    @Override
    public DeletionReceipt deletionReceipt(UUID tenantId) {
        return registry.deletionReceipt(tenantId)
                .orElseThrow(() -> new UnknownEntityException("deletion receipt for tenant", tenantId));
    }
}
