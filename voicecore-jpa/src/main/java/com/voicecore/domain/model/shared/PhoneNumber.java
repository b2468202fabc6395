package com.voicecore.domain.model.shared;

import java.util.Objects;
import java.util.Optional;

/** A telephone number in E.164 form: '+', a non-zero country digit, 7 to 15 digits in all. */
public record PhoneNumber(String e164) {

    private static final String PATTERN = "\\+[1-9][0-9]{6,14}";

    public PhoneNumber {
        Objects.requireNonNull(e164, "phone number");
        if (!e164.matches(PATTERN)) {
            throw new IllegalArgumentException("A phone number must be in E.164 form, e.g. +14155550123");
        }
    }

    /** Twilio sends withheld numbers as 'anonymous', 'Restricted' and the like: those are not numbers. */
    public static Optional<PhoneNumber> tryParse(String raw) {
        return raw != null && raw.matches(PATTERN) ? Optional.of(new PhoneNumber(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return e164;
    }
}
