package com.voicecore.application.internal;

import com.voicecore.application.UsageService;
import com.voicecore.domain.model.notification.NotificationRepository;
import com.voicecore.domain.model.notification.TenantNotification;
import com.voicecore.domain.model.plan.BillingPeriod;
import com.voicecore.domain.model.plan.CreditBalance;
import com.voicecore.domain.model.plan.CreditLedger;
import com.voicecore.domain.model.plan.Plan;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Stateless
public class DefaultUsageService implements UsageService {

    @Inject
    CreditLedger ledger;

    @Inject
    NotificationRepository notifications;

    @Inject
    Clock clock;

    @Override
    public Optional<Plan> plan() {
        return ledger.plan();
    }

    @Override
    public CreditBalance currentBalance() {
        return ledger.balance(BillingPeriod.containing(clock.instant()));
    }

    @Override
    public List<TenantNotification> notifications() {
        return notifications.recent(50);
    }
}
