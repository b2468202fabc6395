package com.voicecore.domain.model.shared;

import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class PhoneNumberTest {

    @Test
    void acceptsEveryE164Number() {
        qt().withExamples(500).forAll(Generators.e164Numbers()).checkAssert(raw -> {
            Optional<PhoneNumber> parsed = PhoneNumber.tryParse(raw);
            assertEquals(Optional.of(new PhoneNumber(raw)), parsed, raw);
            assertEquals(raw, parsed.orElseThrow().e164());
            assertEquals(raw, parsed.orElseThrow().toString());
        });
    }

    @Test
    void rejectsWithheldCallerIdsAndBlanks() {
        for (String withheld : Arrays.asList("anonymous", "Anonymous", "Restricted", "RESTRICTED", "Unknown",
                "private", "unavailable", "", " ", "null", "+", null)) {
            assertEquals(Optional.empty(), PhoneNumber.tryParse(withheld), String.valueOf(withheld));
        }
        assertThrows(NullPointerException.class, () -> new PhoneNumber(null));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("anonymous"));
    }

    @Test
    void rejectsMalformedNumbers() {
        List<String> bad = List.of(
                "+1234567890123456",     // 16 digits: one too many
                "+12345678901234567890",
                "+123456",               // 6 digits: one too few
                "+0123456789",           // no country code starts with 0
                "14155550123",           // no '+'
                "00414155550123",
                "+1 415 555 0123", "+1-415-555-0123", "+1(415)5550123",
                " +14155550123", "+14155550123 ", "+14155550123\n",
                "++14155550123", "+1415555O123", "+١٤١٥٥٥٥٠١٢٣");
        for (String raw : bad) {
            assertEquals(Optional.empty(), PhoneNumber.tryParse(raw), raw);
            assertThrows(IllegalArgumentException.class, () -> new PhoneNumber(raw), raw);
        }
    }

    @Test
    void aValidNumberWithAnyExtraDigitBeyondFifteenIsRejected() {
        qt().withExamples(200).forAll(Generators.e164Numbers(), integers().between(1, 10)).checkAssert((raw, extra) -> {
            String tooLong = raw + "5".repeat(Math.max(extra, 17 - raw.length())); // '+' and 16 or more digits
            assertTrue(tooLong.length() > 16);
            assertEquals(Optional.empty(), PhoneNumber.tryParse(tooLong), tooLong);
        });
    }
}
