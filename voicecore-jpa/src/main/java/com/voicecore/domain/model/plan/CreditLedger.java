package com.voicecore.domain.model.plan;

import com.voicecore.domain.model.call.Call;

import java.util.Optional;

/** The current tenant's plan and the minutes debited against it. */
public interface CreditLedger {

    Optional<Plan> plan();

    CreditBalance balance(BillingPeriod period);

    /**
     * Serialises debits of the current tenant until the transaction ends, so two calls ending together
     * cannot both miss a threshold they cross between them.
     */
    void lockForDebit();

    /** Debits a finished call once; false (and nothing changes) when it was debited before. */
    boolean debit(Call call, BillingPeriod period, int minutes);
}
