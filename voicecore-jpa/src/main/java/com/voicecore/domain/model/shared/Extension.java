package com.voicecore.domain.model.shared;

import java.util.Objects;

/**
 * An internal extension: 2 to 6 digits, no leading zero (a caller presses 0 for the operator).
 */
public record Extension(int number) implements Comparable<Extension> {

    public static final int MIN = 10;
    public static final int MAX = 999_999;

    public Extension {
        if (number < MIN || number > MAX) {
            throw new IllegalArgumentException("An extension has 2 to 6 digits and does not start with 0");
        }
    }

    public static Extension parse(String digits) {
        Objects.requireNonNull(digits, "extension");
        if (!digits.matches("[1-9][0-9]{1,5}")) {
            throw new IllegalArgumentException("An extension has 2 to 6 digits and does not start with 0");
        }
        return new Extension(Integer.parseInt(digits));
    }

    /** What a caller typed, if it is an extension at all. */
    public static java.util.Optional<Extension> tryParse(String digits) {
        if (digits == null || !digits.matches("[1-9][0-9]{1,5}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Extension(Integer.parseInt(digits)));
    }

    public int digitCount() {
        return Integer.toString(number).length();
    }

    @Override
    public int compareTo(Extension o) {
        return Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
