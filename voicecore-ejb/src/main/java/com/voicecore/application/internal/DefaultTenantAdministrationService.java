package com.voicecore.application.internal;

import com.voicecore.application.NewTenant;
import com.voicecore.application.ProvisionedTenant;
import com.voicecore.application.TenantProvisioningService;
import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.console.TenantAdministrationService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.registry.DeletionReceipt;
import com.voicecore.domain.model.registry.TenantRegistry;
import com.voicecore.domain.model.registry.TenantSummary;
import com.voicecore.application.realtime.RealtimeEvent;
import com.voicecore.application.realtime.RealtimePublisher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultTenantAdministrationService implements TenantAdministrationService {

    @Inject
    TenantRegistry registry;

    @Inject
    RealtimePublisher realtime;

    @Inject
    TenantProvisioningService provisioning;

    @Inject
    AdminAuditService audit;

    @Override
    public List<TenantSummary> tenants(int limit, int offset) {
        // the registry lists oldest first; the console shows the newest first (what was just signed up)
        int bounded = Math.max(1, Math.min(limit, 500));
        long total = registry.count();
        long from = Math.max(0, total - Math.max(0, offset) - bounded);
        int take = (int) Math.max(0, Math.min(bounded, total - Math.max(0, offset)));
        if (take == 0) {
            return List.of();
        }
        List<TenantSummary> page = new java.util.ArrayList<>(registry.list(take, (int) from));
        java.util.Collections.reverse(page);
        return page;
    }

    @Override
    public long count() {
        return registry.count();
    }

    @Override
    public ProvisionedTenant create(NewTenant tenant, String actor) {
        ProvisionedTenant created = provisioning.provision(tenant);
        audit.recordPlatformAction(actor, "tenant.created", created.tenant().id(), created.tenant().name());
        return created;
    }

    @Override
    public TenantSummary suspend(UUID tenantId, String actor) {
        TenantSummary suspended = changeStatus(tenantId, "suspended", "tenant.suspended", actor);
        // the agents' open sockets on every node close when this commits (console sessions end at their next request)
        realtime.publish(RealtimeEvent.accessEnded(tenantId));
        return suspended;
    }

    @Override
    public TenantSummary resume(UUID tenantId, String actor) {
        return changeStatus(tenantId, "active", "tenant.resumed", actor);
    }

    @Override
    public DeletionReceipt delete(UUID tenantId, String actor) {
        DeletionReceipt receipt = registry.delete(tenantId, actor).orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
        realtime.publish(RealtimeEvent.accessEnded(tenantId));
        audit.recordPlatformAction(actor, "tenant.deleted", tenantId, "receipt " + receipt.receiptId());
        return receipt;
    }

    private TenantSummary changeStatus(UUID tenantId, String status, String action, String actor) {
        TenantSummary changed = registry.changeStatus(tenantId, status)
                .orElseThrow(() -> new UnknownEntityException("tenant", tenantId));
        audit.recordPlatformAction(actor, action, tenantId, changed.name());
        return changed;
    }
}
