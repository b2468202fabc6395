package com.voicecore.domain.model.shared;

import java.util.Locale;
import java.util.Objects;

/** An e-mail address, kept in lower case; the check is deliberately simple (one '@', a dotted domain). */
public record EmailAddress(String value) {

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Not an e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
