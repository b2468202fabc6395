package com.voicecore.application.internal;

import com.voicecore.application.DeletionReceipt;
import com.voicecore.application.TenantRegistryService;
import com.voicecore.application.TenantSummary;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.infrastructure.platform.PlatformGateway;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class DefaultTenantRegistryService implements TenantRegistryService {

    private static final Logger LOG = Logger.getLogger(DefaultTenantRegistryService.class.getName());

    @Inject
    PlatformGateway platform;

    @Override
    public List<TenantSummary> list(int limit, int offset) {
        return platform.listTenants(limit, offset);
    }

    @Override
    public long count() {
        return platform.countTenants();
    }

    @Override
    public TenantSummary get(UUID tenantId) {
        return platform.getTenant(tenantId).orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
    }

    @Override
    public DeletionReceipt delete(UUID tenantId, String requestedBy) {
        DeletionReceipt receipt = platform.deleteTenant(tenantId, requestedBy)
                .orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
        LOG.info(() -> "Tenant " + tenantId + " deleted, receipt " + receipt.receiptId());
        return receipt;
    }

    @Override
    public DeletionReceipt deletionReceipt(UUID tenantId) {
        return platform.deletionReceipt(tenantId)
                .orElseThrow(() -> new UnknownEntityException("deletion receipt for tenant", tenantId));
    }
}
