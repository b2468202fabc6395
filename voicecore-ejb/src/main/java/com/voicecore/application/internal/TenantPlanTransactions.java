package com.voicecore.application.internal;

import com.voicecore.application.UsageService;
import com.voicecore.application.console.AdminAuditService;
import com.voicecore.application.console.TenantPlanService.PlanView;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.domain.model.registry.TenantRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** The transactions behind {@link DefaultTenantPlanService}; each runs in the tenant its caller entered. */
@Stateless
public class TenantPlanTransactions {

    @Inject
    TenantRegistry registry;

    @Inject
    UsageService usage;

    @Inject
    AdminAuditService audit;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    /** Outside any tenant: the registry's name for it, or unknown. */
    public String tenantName(UUID tenantId) {
        return registry.find(tenantId).orElseThrow(() -> new UnknownEntityException("tenant", tenantId)).name();
    }

    public PlanView plan(UUID tenantId, String name) {
        Plan plan = usage.plan().orElseThrow(() -> new UnknownEntityException("plan of tenant", tenantId));
        return view(tenantId, name, plan, usage.currentBalance());
    }

    public PlanView change(UUID tenantId, String name, String code, int minutes, Plan.Degradation degradation, String actor) {
        // the interface's Bean Validation is not applied on this path (a CDI bean calling an EJB): check here too
        if (code == null || !code.strip().matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidValueException("code", "A plan code has lower-case letters, digits, - and _ only (at most 40)");
        }
        if (minutes < 0 || minutes > 10_000_000) {
            throw new InvalidValueException("includedMinutes", "Included minutes cannot be negative or above 10,000,000");
        }
        if (degradation == null) {
            throw new InvalidValueException("degradation", "Choose what callers get when the minutes are used up");
        }
        Plan plan = em.createQuery("select p from Plan p", Plan.class).getResultStream().findFirst()
                .orElseThrow(() -> new UnknownEntityException("plan of tenant", tenantId));
        String before = plan.code() + "/" + plan.includedMinutes() + "/" + plan.degradation().code();
        plan.change(code.strip(), minutes, degradation);
        em.flush();
        audit.recordPlatformAction(actor, "tenant.plan-changed", tenantId,
                before + " -> " + plan.code() + "/" + plan.includedMinutes() + "/" + plan.degradation().code());
        return view(tenantId, name, plan, usage.currentBalance());
    }

    private static PlanView view(UUID tenantId, String name, Plan plan, CreditBalance balance) {
        return new PlanView(tenantId, name, plan.code(), plan.includedMinutes(), plan.degradation().code(),
                balance.usedMinutes(), balance.remainingMinutes(), balance.percentUsed());
    }
}
