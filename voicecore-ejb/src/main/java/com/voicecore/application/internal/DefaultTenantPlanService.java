package com.voicecore.application.internal;

import com.voicecore.application.console.TenantPlanService;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Enters the named tenant for the call, then runs the transaction ({@link TenantPlanTransactions}) in
 * it: the EJB tenant interceptor applies the thread's tenant when the transaction begins, so the
 * context must be set before, not inside, the transactional bean. The tenant must exist (the registry
 * is asked first, outside the tenant), so a made-up id is "unknown", not an empty plan.
 */
@ApplicationScoped
public class DefaultTenantPlanService implements TenantPlanService {

    @Inject
    TenantPlanTransactions transactions;

    @Override
    public PlanView plan(UUID tenantId) {
        String name = transactions.tenantName(tenantId);
        return TenantContext.callAs(tenantId, () -> transactions.plan(tenantId, name));
    }

    @Override
    public PlanView changePlan(UUID tenantId, String code, int includedMinutes, Plan.Degradation degradation, String actor) {
        String name = transactions.tenantName(tenantId);
        return TenantContext.callAs(tenantId, () -> transactions.change(tenantId, name, code, includedMinutes, degradation, actor));
    }
}
