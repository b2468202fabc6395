package com.voicecore.domain.model.spam;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class StirVerificationTest {

    private static final StirVerification PASSED_A = new StirVerification(true, StirAttestation.A);
    private static final StirVerification FAILED = new StirVerification(false, StirAttestation.NONE);

    /** Every value PROTOCOLS.md lists, and what it means. */
    private static final Map<String, Optional<StirVerification>> DOCUMENTED = Map.of(
            "TN-Validation-Passed-A", Optional.of(PASSED_A),
            "TN-Validation-Passed-B", Optional.of(new StirVerification(true, StirAttestation.B)),
            "TN-Validation-Passed-C", Optional.of(new StirVerification(true, StirAttestation.C)),
            "TN-Validation-Failed-A", Optional.of(new StirVerification(false, StirAttestation.A)),
            "TN-Validation-Failed-B", Optional.of(new StirVerification(false, StirAttestation.B)),
            "TN-Validation-Failed-C", Optional.of(new StirVerification(false, StirAttestation.C)),
            "TN-Validation-Failed", Optional.of(FAILED),
            "No-TN-Validation", Optional.empty());

    @Test
    void parsesEveryDocumentedValueAndItsDivertedAndPassthroughVariants() {
        DOCUMENTED.forEach((value, expected) -> {
            assertEquals(expected, StirVerification.parse(value), value);
            assertEquals(expected, StirVerification.parse(value + "-Diverted"), value + "-Diverted");
            assertEquals(expected, StirVerification.parse(value + "-Passthrough"), value + "-Passthrough");
        });
    }

    @Test
    void toleratesCaseAndSurroundingSpace() {
        assertEquals(Optional.of(PASSED_A), StirVerification.parse("tn-validation-passed-a"));
        assertEquals(Optional.of(PASSED_A), StirVerification.parse("  TN-VALIDATION-PASSED-A-DIVERTED \n"));
        assertEquals(Optional.of(FAILED), StirVerification.parse("TN-Validation-Failed-passthrough"));
    }

    @Test
    void absentBlankAndUnknownValuesAreEmpty() {
        for (String value : Arrays.asList(null, "", "   ", "TN-Validation-Passed", "TN-Validation-Passed-D",
                "TN-Validation-Passed-", "TN-Validation-Passed-AB", "TN-Validation-Passed-A-Diverted-Diverted",
                "TN-Validation-Passed-A-Forwarded", "TN-Validation", "Passed-A", "A", "-Diverted",
                "TN-Validation-Failed-A" + "x".repeat(100), "TN\u2010Validation\u2010Passed\u2010A")) {
            assertEquals(Optional.empty(), StirVerification.parse(value), String.valueOf(value));
        }
    }

    @Test
    void neverThrowsWhateverArrives() {
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(value -> {
            Optional<StirVerification> parsed = StirVerification.parse(value);
            parsed.ifPresent(v -> assertTrue(value.toLowerCase(java.util.Locale.ROOT).contains("tn-validation"), value));
        });
        qt().withExamples(300).forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 40)).checkAssert(StirVerification::parse);
    }

    @Test
    void onlyAPassedAVouchesForTheNumber() {
        assertTrue(PASSED_A.vouchesForNumber());
        assertFalse(new StirVerification(true, StirAttestation.B).vouchesForNumber());
        assertFalse(new StirVerification(false, StirAttestation.A).vouchesForNumber(), "a failed A vouches for nothing");
        assertFalse(FAILED.vouchesForNumber());
    }

    @Test
    void aPassedCheckCarriesAnAttestation() {
        assertThrows(IllegalArgumentException.class, () -> new StirVerification(true, StirAttestation.NONE));
        assertThrows(NullPointerException.class, () -> new StirVerification(false, null));
    }
}
