package com.voicecore.interfaces.rest.usage;

import com.voicecore.application.UsageService;
import com.voicecore.domain.model.notification.TenantNotification;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Path("usage")
@TenantApi
@Tag(name = "Usage and credits")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    public record Notification(String kind, LocalDate periodStart, String detail, Instant createdAt) {
    }

    public record Usage(String plan, String degradation, LocalDate periodStart, LocalDate periodEnd, int includedMinutes,
                        long usedMinutes, long remainingMinutes, int percentUsed, boolean exhausted,
                        List<Notification> notifications) {
    }

    @Inject
    UsageService usage;

    @GET
    @Operation(summary = "This month's minutes: included, used, remaining; what applies at the limit; notifications")
    public Usage get() {
        CreditBalance balance = usage.currentBalance();
        Plan plan = usage.plan().orElse(null);
        return new Usage(plan == null ? null : plan.code(), plan == null ? null : plan.degradation().code(),
                balance.period().start(), balance.period().endExclusive(), balance.includedMinutes(), balance.usedMinutes(),
                balance.remainingMinutes(), balance.percentUsed(), balance.isExhausted(),
                usage.notifications().stream().map(UsageResource::notification).toList());
    }

    private static Notification notification(TenantNotification n) {
        return new Notification(n.kind(), n.periodStart(), n.detail(), n.createdAt());
    }
}
