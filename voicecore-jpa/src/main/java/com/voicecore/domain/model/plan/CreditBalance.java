package com.voicecore.domain.model.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant stands in its billing period: minutes included, minutes used. Knows when the
 * plan's degradation applies and which usage thresholds a debit crosses.
 */
public record CreditBalance(BillingPeriod period, int includedMinutes, long usedMinutes) {

    /** Usage levels the tenant is told about, in percent of the included minutes. */
    public static final List<Integer> THRESHOLDS = List.of(80, 100);

    public CreditBalance {
        if (includedMinutes < 0 || usedMinutes < 0) {
            throw new IllegalArgumentException("Minutes cannot be negative");
        }
    }

    public long remainingMinutes() {
        return Math.max(0, includedMinutes - usedMinutes);
    }

    /** At the limit the plan's degradation applies: a plan of 0 minutes is exhausted from the start. */
    public boolean isExhausted() {
        return usedMinutes >= includedMinutes;
    }

    public int percentUsed() {
        if (includedMinutes == 0) {
            return 100;
        }
        return (int) Math.min(100, usedMinutes * 100 / includedMinutes);
    }

    public CreditBalance after(int debitedMinutes) {
        return new CreditBalance(period, includedMinutes, usedMinutes + debitedMinutes);
    }

    /** The thresholds reached now that were not reached before: each is announced once per period. */
    public List<Integer> thresholdsCrossedBy(int debitedMinutes) {
        CreditBalance next = after(debitedMinutes);
        List<Integer> crossed = new ArrayList<>();
        for (int threshold : THRESHOLDS) {
            if (!reached(threshold) && next.reached(threshold)) {
                crossed.add(threshold);
            }
        }
        return crossed;
    }

    boolean reached(int threshold) {
        return usedMinutes * 100 >= (long) includedMinutes * threshold && (includedMinutes > 0 || usedMinutes > 0);
    }
}
