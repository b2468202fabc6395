package com.voicecore.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA512 password hashes in Jakarta Security's {@code Pbkdf2PasswordHash} storage format
 * ({@code algorithm:iterations:salt:hash}, Base64), so the console's identity store (Soteria) can
 * verify them as they are. 210,000 iterations by default (OWASP's figure for SHA-512).
 */
@ApplicationScoped
public class PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "voicecore.security.pbkdf2-iterations", defaultValue = "210000")
                          int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1000 iterations");
        }
        this.iterations = iterations;
    }

    protected PasswordHasher() {
        this(210_000);
    }

    public String hash(char[] password) {
        if (hasControlCharacter(password)) {
            throw new IllegalArgumentException("A password may not contain control characters");
        }
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    public boolean verify(char[] password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0]) || hasControlCharacter(password)) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** A password for a first login, shown once: 128 random bits. */
    public String generatePassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * HMAC pads its key with zero bytes, so to PBKDF2 a password and the same password followed by NULs
     * are one password. No real password holds control characters: they are refused outright.
     */
    private static boolean hasControlCharacter(char[] password) {
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 512);
            try {
                return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JRE", e);
        }
    }
}
