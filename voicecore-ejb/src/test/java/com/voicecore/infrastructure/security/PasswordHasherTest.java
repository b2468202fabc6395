package com.voicecore.infrastructure.security;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void theRightPasswordVerifiesAndAnyOtherDoesNot() {
        qt().withExamples(100).forAll(strings().allPossible().ofLengthBetween(1, 40),
                strings().allPossible().ofLengthBetween(1, 40)).checkAssert((password, other) -> {
            String hash = hasher.hash(password.toCharArray());
            assertTrue(hasher.verify(password.toCharArray(), hash));
            assertEquals(password.equals(other), hasher.verify(other.toCharArray(), hash));
            assertFalse(hash.contains(password) && password.length() > 3, "the password is not in the hash");
        });
    }

    @Test
    void hashesAreSaltedAndInJakartaSecuritysStorageFormat() throws Exception {
        String a = hasher.hash("correct horse".toCharArray());
        String b = hasher.hash("correct horse".toCharArray());
        assertNotEquals(a, b, "a fresh salt each time");
        String[] parts = a.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length);
        // recomputed independently, as Soteria's Pbkdf2PasswordHash verifies it
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = SecretKeyFactory.getInstance(parts[0]).generateSecret(new PBEKeySpec("correct horse".toCharArray(),
                Base64.getDecoder().decode(parts[2]), 1000, expected.length * 8)).getEncoded();
        assertTrue(Arrays.equals(expected, actual));
    }

    @Test
    void malformedStoredHashesNeverVerifyAndTooFewIterationsAreRefused() {
        assertFalse(hasher.verify("x".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("x".toCharArray(), "MD5:1:AA==:AA=="));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10));
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        String p1 = hasher.generatePassword();
        String p2 = hasher.generatePassword();
        assertNotEquals(p1, p2);
        assertTrue(p1.length() >= 22, p1);
    }
}
