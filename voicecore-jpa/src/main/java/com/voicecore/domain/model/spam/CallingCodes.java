package com.voicecore.domain.model.spam;

import java.util.Set;

/**
 * Just enough of the ITU-T E.164 numbering plan to split a number into country calling code and
 * national number, and to tell a diallable North American number from a made-up one. Calling codes
 * are prefix-free: 1 and 7 are one digit, the two-digit ones are listed, all others have three.
 */
final class CallingCodes {

    static final int NEIGHBOUR_DIGITS = 6;

    private static final Set<String> TWO_DIGIT = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
            "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private CallingCodes() {
    }

    /** The calling code's length in the digits of a valid E.164 number (without the '+'). */
    static int codeLength(String digits) {
        char first = digits.charAt(0);
        if (first == '1' || first == '7') {
            return 1;
        }
        return TWO_DIGIT.contains(digits.substring(0, 2)) ? 2 : 3;
    }

    /**
     * NANP (+1) numbers are NXX-NXX-XXXX: ten digits, area code and exchange starting 2-9, and no
     * N11 area code (211...911 are service codes). Spoofers often use numbers that break this.
     */
    static boolean isDiallableNanp(String national) {
        return national.length() == 10
                && national.charAt(0) >= '2'
                && !(national.charAt(1) == '1' && national.charAt(2) == '1')
                && national.charAt(3) >= '2';
    }

    /**
     * Neighbour spoofing: the same calling code and the first six national digits (in NANP the area
     * code and exchange), so the call looks local, from a number that is not the one called.
     */
    static boolean areNeighbours(String callerDigits, String calledDigits) {
        if (callerDigits.equals(calledDigits)) {
            return false;
        }
        int code = codeLength(callerDigits);
        int shared = code + NEIGHBOUR_DIGITS;
        // the six digits must leave a subscriber part behind, or "neighbour" means "the same number"
        return code == codeLength(calledDigits)
                && callerDigits.length() > shared && calledDigits.length() > shared
                && callerDigits.regionMatches(0, calledDigits, 0, shared);
    }
}
