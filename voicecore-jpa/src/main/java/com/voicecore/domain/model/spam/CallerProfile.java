package com.voicecore.domain.model.spam;

import com.voicecore.domain.model.shared.PhoneNumber;

import java.util.Objects;
import java.util.Optional;

/**
 * What we know about an incoming caller when the call arrives: everything the screening policy
 * looks at, and nothing it would have to fetch.
 *
 * @param rawFrom               the caller ID exactly as Twilio sent it: "+14155550100", "anonymous",
 *                              "Restricted", or anything else a network put there (null allowed)
 * @param calledNumber          the tenant's number that was called, E.164
 * @param stir                  the STIR/SHAKEN result, empty when none was reported
 * @param recentCallsFromNumber calls from this caller ID to this tenant within the velocity window,
 *                              this call excluded (ignored for withheld callers: they share no number)
 * @param platformReports       distinct other tenants that reported this caller ID as spam
 */
public record CallerProfile(String rawFrom, String calledNumber, Optional<StirVerification> stir,
                            int recentCallsFromNumber, int platformReports) {

    /**
     * The most of a caller ID that rules see. E.164 numbers are at most 16 characters; the bound keeps
     * matching cheap whatever a network sends, and longer input is unreadable anyway.
     */
    public static final int MAX_CALLER_ID_LENGTH = 64;

    public CallerProfile {
        stir = stir == null ? Optional.empty() : stir;
        if (recentCallsFromNumber < 0 || platformReports < 0) {
            throw new IllegalArgumentException("Call and report counts cannot be negative");
        }
    }

    /** From Twilio's incoming-call parameters: {@code From}, {@code To}, {@code StirVerstat}. */
    public static CallerProfile of(String from, String to, String stirVerstat, int recentCallsFromNumber,
                                   int platformReports) {
        return new CallerProfile(from, to, StirVerification.parse(stirVerstat), recentCallsFromNumber, platformReports);
    }

    /**
     * The caller ID as rules match it: trimmed and cut to {@link #MAX_CALLER_ID_LENGTH} characters
     * (never inside a surrogate pair); empty when there is none.
     */
    public String callerId() {
        if (rawFrom == null) {
            return "";
        }
        String id = rawFrom.strip();
        if (id.length() <= MAX_CALLER_ID_LENGTH) {
            return id;
        }
        int end = Character.isHighSurrogate(id.charAt(MAX_CALLER_ID_LENGTH - 1)) ? MAX_CALLER_ID_LENGTH - 1 : MAX_CALLER_ID_LENGTH;
        return id.substring(0, end);
    }

    /** A valid E.164 caller number (which may still break its country's plan; see {@link #hasInvalidNumber}). */
    public Optional<PhoneNumber> callerNumber() {
        return rawFrom == null ? Optional.empty() : PhoneNumber.tryParse(rawFrom.strip());
    }

    /**
     * No number to call back: "anonymous", "Restricted", "Unknown", "private", "unavailable", blank,
     * or anything else that is not '+' and digits.
     */
    public boolean isWithheld() {
        String id = rawFrom == null ? "" : rawFrom.strip();
        if (id.length() < 2 || id.length() > MAX_CALLER_ID_LENGTH || id.charAt(0) != '+') {
            return true;
        }
        for (int i = 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Looks like a number but cannot be one: not valid E.164 (country code 0, too short, too long),
     * or a North American number that is not diallable (area code or exchange starting 0 or 1, N11
     * area code, not ten digits). Spoofed caller IDs are often made up like this.
     */
    public boolean hasInvalidNumber() {
        if (isWithheld()) {
            return false;
        }
        return callerNumber().map(n -> {
            String digits = n.e164().substring(1);
            return digits.charAt(0) == '1' && !CallingCodes.isDiallableNanp(digits.substring(1));
        }).orElse(true);
    }

    /**
     * The caller ID looks local to the number called (same country code and first six national
     * digits, i.e. NANP area code and exchange) without being that number: neighbour spoofing.
     */
    public boolean spoofsNeighbour() {
        Optional<PhoneNumber> called = calledNumber == null ? Optional.empty() : PhoneNumber.tryParse(calledNumber.strip());
        Optional<PhoneNumber> caller = callerNumber();
        return caller.isPresent() && called.isPresent()
                && CallingCodes.areNeighbours(caller.get().e164().substring(1), called.get().e164().substring(1));
    }

    /** The carrier vouches the caller may use this number (STIR/SHAKEN passed with A). */
    public boolean isFullyAttested() {
        return stir.map(StirVerification::vouchesForNumber).orElse(false);
    }

    /** A burst: at least the threshold's number of earlier calls within the window, from a real number. */
    boolean isCallingInBursts(SpamThresholds thresholds) {
        return !isWithheld() && recentCallsFromNumber >= thresholds.velocityCallsPerWindow();
    }

    boolean isOnPlatformList(SpamThresholds thresholds) {
        return platformReports >= thresholds.platformReportsToList();
    }

    @Override
    public String toString() {
        // caller IDs are personal data: keep them out of logs that print the profile
        return "CallerProfile[stir=" + stir + ", recentCalls=" + recentCallsFromNumber + ", platformReports="
                + platformReports + "]";
    }
}
