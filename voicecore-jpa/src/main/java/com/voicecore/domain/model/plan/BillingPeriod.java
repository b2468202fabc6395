package com.voicecore.domain.model.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Plans renew on the first of each calendar month, UTC: one rule for every tenant and node. */
public record BillingPeriod(LocalDate start) {

    public static BillingPeriod containing(Instant instant) {
        return new BillingPeriod(instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
    }

    public LocalDate endExclusive() {
        return start.plusMonths(1);
    }
}
