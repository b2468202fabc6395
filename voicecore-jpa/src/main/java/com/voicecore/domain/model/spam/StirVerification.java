package com.voicecore.domain.model.spam;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the STIR/SHAKEN check Twilio reports in {@code StirVerstat}. Only a passed check
 * carries an attestation worth trusting; a failed one may still name the letter the PASSporT claimed.
 */
public record StirVerification(boolean passed, StirAttestation attestation) {

    // Twilio's values are at most ~35 characters: anything much longer is not one of them.
    private static final int MAX_LENGTH = 64;
    private static final String PASSED = "tn-validation-passed";
    private static final String FAILED = "tn-validation-failed";

    public StirVerification {
        Objects.requireNonNull(attestation, "attestation");
        if (passed && attestation == StirAttestation.NONE) {
            throw new IllegalArgumentException("A passed STIR/SHAKEN check carries attestation A, B or C");
        }
    }

    /**
     * {@code TN-Validation-Passed-A|B|C}, {@code TN-Validation-Failed-A|B|C} and
     * {@code TN-Validation-Failed}, each also with a {@code -Diverted} or {@code -Passthrough} suffix
     * (the call was forwarded before it reached us; the result still describes the caller ID we got).
     * {@code No-TN-Validation} is empty: nothing was verified, which is neither evidence for nor against
     * the caller (most non-US and many US calls). Null, blank or unknown values are empty too: the
     * header is a hint from the network, and a call must never fail because of it.
     */
    public static Optional<StirVerification> parse(String stirVerstat) {
        if (stirVerstat == null || stirVerstat.isBlank() || stirVerstat.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String value = stripForwarding(stirVerstat.strip().toLowerCase(Locale.ROOT));
        if (value.equals(FAILED)) {
            return Optional.of(new StirVerification(false, StirAttestation.NONE));
        }
        boolean passed = value.startsWith(PASSED + "-");
        if (!passed && !value.startsWith(FAILED + "-")) {
            return Optional.empty();
        }
        String letter = value.substring((passed ? PASSED : FAILED).length() + 1);
        return StirAttestation.ofLetter(letter).map(a -> new StirVerification(passed, a));
    }

    private static String stripForwarding(String value) {
        for (String suffix : new String[] {"-diverted", "-passthrough"}) {
            if (value.endsWith(suffix)) {
                return value.substring(0, value.length() - suffix.length());
            }
        }
        return value;
    }

    /** Passed with A: the carrier vouches that the caller may use this number, so it is not spoofed. */
    public boolean vouchesForNumber() {
        return passed && attestation == StirAttestation.A;
    }
}
