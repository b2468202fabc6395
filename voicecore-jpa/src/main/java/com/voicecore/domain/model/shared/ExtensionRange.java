package com.voicecore.domain.model.shared;

import java.util.Objects;

/** The block of extensions a department hands out to its agents, both ends included. */
public record ExtensionRange(Extension first, Extension last) {

    public ExtensionRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("An extension range must not end before it starts");
        }
    }

    public static ExtensionRange of(int first, int last) {
        return new ExtensionRange(new Extension(first), new Extension(last));
    }

    public boolean contains(Extension extension) {
        return extension.compareTo(first) >= 0 && extension.compareTo(last) <= 0;
    }

    public boolean overlaps(ExtensionRange other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
