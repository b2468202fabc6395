package com.voicecore.domain.model.spam;

import java.util.Locale;
import java.util.Optional;

/**
 * STIR/SHAKEN attestation: how much the originating carrier vouches for the caller ID. A: it knows
 * the caller and that they may use the number; B: it knows the caller, not the number; C: it knows
 * neither (typically a gateway). NONE: no attestation was carried.
 */
public enum StirAttestation {
    A, B, C, NONE;

    /** "A", "b", ... as the suffix of a StirVerstat value; anything else is not an attestation. */
    static Optional<StirAttestation> ofLetter(String letter) {
        return switch (letter.toUpperCase(Locale.ROOT)) {
            case "A" -> Optional.of(A);
            case "B" -> Optional.of(B);
            case "C" -> Optional.of(C);
            default -> Optional.empty();
        };
    }
}
