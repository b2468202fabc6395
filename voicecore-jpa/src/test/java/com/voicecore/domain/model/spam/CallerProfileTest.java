package com.voicecore.domain.model.spam;

import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

class CallerProfileTest {

    private static CallerProfile from(String raw) {
        return call(raw, "+14155550100");
    }

    private static CallerProfile call(String raw, String called) {
        return new CallerProfile(raw, called, Optional.empty(), 0, 0);
    }

    @Test
    void withheldCallerIdsHaveNoNumber() {
        for (String raw : Arrays.asList(null, "", "  ", "anonymous", "Anonymous", "Restricted", "RESTRICTED", "Unknown",
                "private", "Private", "unavailable", "UNAVAILABLE", "+", "4155550100", "266696687", "+1 415 555 0100",
                "+1-415-555-0100", "sip:alice@example.com", "+1415555O100", "+١٤١٥٥٥٥٠١٠٠", "+" + "1".repeat(64))) {
            CallerProfile caller = from(raw);
            assertTrue(caller.isWithheld(), String.valueOf(raw));
            assertFalse(caller.hasInvalidNumber(), "withheld is not also invalid: " + raw);
            assertEquals(Optional.empty(), caller.callerNumber(), String.valueOf(raw));
        }
    }

    @Test
    void impossibleNumbersAreInvalidNotWithheld() {
        for (String raw : List.of("+0123456789", "+00", "+123456", "+1", "+1234567890123456", "+12345678901234567890",
                "+10125550100", "+11125550100", "+14150550100", "+14151550100", "+19115550100", "+14115550100",
                "+1415555010", "+141555501000")) {
            CallerProfile caller = from(raw);
            assertFalse(caller.isWithheld(), raw);
            assertTrue(caller.hasInvalidNumber(), raw);
        }
    }

    @Test
    void realNumbersAreNeitherWithheldNorInvalid() {
        for (String raw : List.of("+14155550100", "+12125551234", "+15005550006", "+442079460000", "+4930123456",
                "+33142685300", "+74951234567", "+8613800138000", "+35312345678", "  +14155550100 ")) {
            CallerProfile caller = from(raw);
            assertFalse(caller.isWithheld(), raw);
            assertFalse(caller.hasInvalidNumber(), raw);
            assertEquals(Optional.of(new PhoneNumber(raw.strip())), caller.callerNumber());
        }
        qt().withExamples(300).forAll(SpamGenerators.validCallers()).checkAssert(c -> {
            assertFalse(from(c.raw()).isWithheld(), c.raw());
            assertFalse(from(c.raw()).hasInvalidNumber(), c.raw());
        });
    }

    @Test
    void everyE164NumberIsReadAsANumberNeverAsWithheld() {
        qt().withExamples(300).forAll(Generators.e164Numbers()).checkAssert(raw -> {
            assertFalse(from(raw).isWithheld(), raw);
            assertTrue(from(raw).callerNumber().isPresent(), raw);
        });
    }

    @Test
    void neighbourSpoofingIsTheSameAreaCodeAndExchangeFromAnotherNumber() {
        assertTrue(call("+14155550199", "+14155550100").spoofsNeighbour(), "NANP: 415-555 both");
        assertTrue(call("+14155559999", "+14155550100").spoofsNeighbour());
        assertFalse(call("+14155550100", "+14155550100").spoofsNeighbour(), "the number itself");
        assertFalse(call("+14155560100", "+14155550100").spoofsNeighbour(), "another exchange");
        assertFalse(call("+14165550100", "+14155550100").spoofsNeighbour(), "another area code");
        assertFalse(call("+4415555010099", "+14155550100").spoofsNeighbour(), "another country with the same digits");
        assertTrue(call("+442079460123", "+442079460999").spoofsNeighbour(), "UK: 20 7946");
        assertFalse(call("+442079470123", "+442079460999").spoofsNeighbour());
        assertTrue(call("+353123456789", "+353123456000").spoofsNeighbour(), "three-digit code: 353, then 123456");
        assertFalse(call("+353123456789", "+352123456789").spoofsNeighbour(), "352 is not 353");
        assertTrue(call("+74951234567", "+74951239999").spoofsNeighbour(), "one-digit code 7");
        assertFalse(call("+14155550199", "anonymous").spoofsNeighbour(), "no called number");
        assertFalse(call("anonymous", "+14155550100").spoofsNeighbour());
        assertFalse(call("+14155550199", null).spoofsNeighbour());
        assertTrue(call("+4930123456", "+4930123457").spoofsNeighbour(), "Berlin: 30 1234");
        assertFalse(call("+49301234", "+493012345").spoofsNeighbour(), "six national digits in all: nothing left to differ in");
    }

    @Test
    void callingCodesAreSplitByTheItuPlan() {
        assertEquals(1, CallingCodes.codeLength("14155550100"));
        assertEquals(1, CallingCodes.codeLength("74951234567"));
        assertEquals(2, CallingCodes.codeLength("442079460000"));
        assertEquals(2, CallingCodes.codeLength("4930123456"));
        assertEquals(2, CallingCodes.codeLength("8613800138000"));
        assertEquals(3, CallingCodes.codeLength("35312345678"));
        assertEquals(3, CallingCodes.codeLength("85212345678"));
        assertEquals(3, CallingCodes.codeLength("97142345678"));
        assertEquals(3, CallingCodes.codeLength("4202345678"));
    }

    @Test
    void callerIdsAreTrimmedAndBoundedForMatching() {
        assertEquals("", from(null).callerId());
        assertEquals("+14155550100", from(" +14155550100\n").callerId());
        assertEquals(CallerProfile.MAX_CALLER_ID_LENGTH, from("x".repeat(100_000)).callerId().length());
        String emoji = "x".repeat(CallerProfile.MAX_CALLER_ID_LENGTH - 1) + "\uD83D\uDE00";
        assertEquals("x".repeat(CallerProfile.MAX_CALLER_ID_LENGTH - 1), from(emoji).callerId(), "never half a surrogate pair");
    }

    @Test
    void countsCannotBeNegativeAndAMissingStirIsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new CallerProfile("+14155550100", "+14155550101", Optional.empty(), -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CallerProfile("+14155550100", "+14155550101", Optional.empty(), 0, -1));
        assertEquals(Optional.empty(), new CallerProfile("+14155550100", "+14155550101", null, 0, 0).stir());
        assertEquals(Optional.of(new StirVerification(true, StirAttestation.A)),
                CallerProfile.of("+14155550100", "+14155550101", "TN-Validation-Passed-A", 0, 0).stir());
        assertTrue(CallerProfile.of("+14155550100", "+14155550101", "TN-Validation-Passed-A", 0, 0).isFullyAttested());
        assertFalse(CallerProfile.of("+14155550100", "+14155550101", "TN-Validation-Passed-B", 0, 0).isFullyAttested());
    }

    @Test
    void toStringKeepsTheCallerIdOutOfLogs() {
        assertFalse(from("+14155550123").toString().contains("4155550123"));
    }
}
