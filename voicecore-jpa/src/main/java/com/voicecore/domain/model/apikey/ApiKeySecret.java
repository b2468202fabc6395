package com.voicecore.domain.model.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret text of an API key: {@code vck_} + 43 characters of 256 random bits. High entropy is why a
 * plain SHA-256 is the right stored form (no salt or stretching needed, and it can be looked up).
 */
public final class ApiKeySecret {

    private static final String SCHEME = "vck_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;

    private ApiKeySecret(String text) {
        this.text = text;
    }

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("vck_[A-Za-z0-9_-]{43}");

    /** What a client presented; any text is accepted, since only its hash is ever compared. */
    public static ApiKeySecret presented(String text) {
        return new ApiKeySecret(Objects.requireNonNull(text, "key"));
    }

    /** Whether the text could be a key we issued at all: anything else needs no database look-up. */
    public boolean isWellFormed() {
        return FORMAT.matcher(text).matches();
    }

    public String text() {
        return text;
    }

    public String prefix() {
        return text.substring(0, Math.min(12, text.length()));
    }

    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
