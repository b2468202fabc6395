package com.voicecore.interfaces.admin.calls;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantTimeTest {

    static final TenantTime LOS_ANGELES = new TenantTime(ZoneId.of("America/Los_Angeles"));

    @Test
    void aCallAtHalfPastElevenAtNightLocalIsOnThatLocalDayNotOnTheUtcDay() {
        Instant call = Instant.parse("2026-01-16T07:30:00Z"); // 23:30 on the 15th in Los Angeles (PST, UTC-8)
        LocalDate fifteenth = LocalDate.of(2026, 1, 15);
        assertTrue(!call.isBefore(LOS_ANGELES.startOf(fifteenth).orElseThrow()) && call.isBefore(LOS_ANGELES.endOf(fifteenth).orElseThrow()));
        LocalDate sixteenth = fifteenth.plusDays(1);
        assertTrue(call.isBefore(LOS_ANGELES.startOf(sixteenth).orElseThrow()), "not on the 16th, the UTC date");
        assertEquals("2026-01-15 23:30:00", LOS_ANGELES.format(call));
        assertEquals("America/Los_Angeles", LOS_ANGELES.name());
    }

    @Test
    void aDayIsTheLocalDayAcrossADaylightSavingChange() {
        LocalDate springForward = LocalDate.of(2026, 3, 8); // 23 hours long in Los Angeles
        assertEquals(Instant.parse("2026-03-08T08:00:00Z"), LOS_ANGELES.startOf(springForward).orElseThrow());
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"), LOS_ANGELES.endOf(springForward).orElseThrow());
    }

    @Test
    void noDateIsNoBoundAndUtcStaysUtc() {
        assertTrue(LOS_ANGELES.startOf(null).isEmpty());
        assertTrue(LOS_ANGELES.endOf(null).isEmpty());
        assertEquals("", LOS_ANGELES.format(null));
        TenantTime utc = new TenantTime(ZoneOffset.UTC);
        assertEquals("2026-01-16 07:30:00", utc.format(Instant.parse("2026-01-16T07:30:00Z")));
    }
}
