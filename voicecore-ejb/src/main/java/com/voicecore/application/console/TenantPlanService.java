package com.voicecore.application.console;

import com.voicecore.domain.model.plan.Plan;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A platform admin's view and change of one tenant's plan and credits (minutes included per month,
 * minutes used this month, what callers get once they are used up). Works inside the named tenant
 * (row-level security), entered explicitly for the call; the change is recorded in the platform's
 * audit log. An unknown tenant is an {@code UnknownEntityException}.
 */
public interface TenantPlanService {

    PlanView plan(UUID tenantId);

    PlanView changePlan(@NotNull UUID tenantId,
                        @NotBlank(message = "A plan code is required") @Size(max = 40, message = "A plan code has at most 40 characters")
                        @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "A plan code has lower-case letters, digits, - and _ only")
                        String code,
                        @Min(value = 0, message = "Included minutes cannot be negative")
                        @Max(value = 10_000_000, message = "At most 10,000,000 minutes") int includedMinutes,
                        @NotNull(message = "Choose what callers get when the minutes are used up") Plan.Degradation degradation,
                        String actor);

    record PlanView(UUID tenantId, String tenantName, String code, int includedMinutes, String degradation,
                    long usedMinutes, long remainingMinutes, int percentUsed) {
    }
}
