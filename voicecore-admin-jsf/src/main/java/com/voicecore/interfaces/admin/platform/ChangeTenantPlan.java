package com.voicecore.interfaces.admin.platform;

import com.voicecore.application.console.TenantPlanService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.interfaces.admin.Messages;
import com.voicecore.interfaces.admin.Pages;
import com.voicecore.interfaces.admin.security.SignedInUser;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import java.io.Serializable;
import java.util.UUID;

/** /platform/tenant-plan.xhtml?id=...: one tenant's plan and credits, and changing them. */
@Named
@ViewScoped
public class ChangeTenantPlan implements Serializable {

    @Inject
    TenantPlanService plans;

    @Inject
    SignedInUser user;

    private String id;
    private UUID tenantId;
    private TenantPlanService.PlanView plan;
    @jakarta.validation.constraints.NotBlank(message = "A plan code is required")
    @jakarta.validation.constraints.Size(max = 40, message = "A plan code has at most 40 characters")
    private String code;

    @jakarta.validation.constraints.NotNull(message = "Included minutes are required")
    @jakarta.validation.constraints.Min(value = 0, message = "Included minutes cannot be negative")
    @jakarta.validation.constraints.Max(value = 10_000_000, message = "At most 10,000,000 minutes")
    private Integer includedMinutes;

    @jakarta.validation.constraints.NotNull(message = "Choose what callers get when the minutes are used up")
    private Plan.Degradation degradation;

    /** The page's f:viewAction (GET only: it reads, never writes). */
    public void load() {
        if (plan != null) {
            return; // a postback of this view
        }
        tenantId = Pages.id(id).orElse(null);
        if (tenantId == null) {
            Pages.notFound();
            return;
        }
        try {
            show(plans.plan(tenantId));
        } catch (UnknownEntityException e) {
            Pages.notFound();
        }
    }

    public void save() {
        try {
            show(plans.changePlan(tenantId, code, includedMinutes == null ? -1 : includedMinutes, degradation, user.actor()));
            Messages.info("Plan of " + plan.tenantName() + " changed.");
        } catch (ConstraintViolationException | EJBException | com.voicecore.application.exception.BusinessException e) {
            Messages.refused(e);
        }
    }

    private void show(TenantPlanService.PlanView view) {
        plan = view;
        code = view.code();
        includedMinutes = view.includedMinutes();
        degradation = Plan.Degradation.valueOf(view.degradation().toUpperCase(java.util.Locale.ROOT));
    }

    public Plan.Degradation[] getDegradations() {
        return Plan.Degradation.values();
    }

    public TenantPlanService.PlanView getPlan() {
        return plan;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getIncludedMinutes() {
        return includedMinutes;
    }

    public void setIncludedMinutes(Integer includedMinutes) {
        this.includedMinutes = includedMinutes;
    }

    public Plan.Degradation getDegradation() {
        return degradation;
    }

    public void setDegradation(Plan.Degradation degradation) {
        this.degradation = degradation;
    }
}
