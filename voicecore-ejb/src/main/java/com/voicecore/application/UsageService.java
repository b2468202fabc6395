package com.voicecore.application;

import com.voicecore.domain.model.notification.TenantNotification;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.Plan;

import java.util.List;
import java.util.Optional;

/** The current tenant's plan, minutes used this month, and what it was told about them. */
public interface UsageService {

    Optional<Plan> plan();

    CreditBalance currentBalance();

    List<TenantNotification> notifications();
}
