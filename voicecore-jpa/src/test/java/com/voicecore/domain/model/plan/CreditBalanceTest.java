package com.voicecore.domain.model.plan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class CreditBalanceTest {

    private static final BillingPeriod NOVEMBER = new BillingPeriod(LocalDate.of(2026, 11, 1));

    @Test
    void eachThresholdIsCrossedExactlyOnceWhateverTheDebits() {
        qt().withExamples(300)
                .forAll(integers().between(0, 500), lists().of(integers().between(0, 120)).ofSizeBetween(0, 30))
                .checkAssert((included, debits) -> {
                    CreditBalance balance = new CreditBalance(NOVEMBER, included, 0);
                    List<Integer> announced = new ArrayList<>();
                    for (int minutes : debits) {
                        announced.addAll(balance.thresholdsCrossedBy(minutes));
                        balance = balance.after(minutes);
                    }
                    long used = balance.usedMinutes();
                    List<Integer> expected = CreditBalance.THRESHOLDS.stream()
                            .filter(t -> used > 0 && used * 100 >= (long) included * t).toList();
                    assertEquals(expected, announced);
                    assertEquals(used >= included, balance.isExhausted());
                    assertEquals(Math.max(0, included - used), balance.remainingMinutes());
                    assertTrue(balance.percentUsed() >= 0 && balance.percentUsed() <= 100);
                });
    }

    @Test
    void aPlanWithoutMinutesIsExhaustedFromTheStart() {
        assertTrue(new CreditBalance(NOVEMBER, 0, 0).isExhausted());
        assertFalse(new CreditBalance(NOVEMBER, 1, 0).isExhausted());
    }

    @Test
    void periodsAreCalendarMonthsInUtc() {
        assertEquals(LocalDate.of(2026, 11, 1), BillingPeriod.containing(Instant.parse("2026-11-30T23:59:59Z")).start());
        assertEquals(LocalDate.of(2026, 12, 1), BillingPeriod.containing(Instant.parse("2026-12-01T00:00:00Z")).start());
        assertEquals(LocalDate.of(2026, 12, 1), NOVEMBER.endExclusive());
    }
}
