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
        // printable code points below the surrogates: every such string has exactly one UTF-8 form
        qt().withExamples(100).forAll(printable(), printable()).checkAssert((password, other) -> {
            String hash = hasher.hash(password.toCharArray());
            assertTrue(hasher.verify(password.toCharArray(), hash));
            assertEquals(password.equals(other), hasher.verify(other.toCharArray(), hash));
            assertFalse(hash.contains(password) && password.length() > 3, "the password is not in the hash");
        });
    }

    private static org.quicktheories.core.Gen<String> printable() {
        return strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 40)
                .map(s -> s.codePoints().map(c -> Character.isISOControl(c) ? 'x' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
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
    void controlCharactersAreRefusedBecauseHmacPadsKeysWithZeros() {
        String hash = hasher.hash("secret!".toCharArray());
        assertFalse(hasher.verify("secret!\0".toCharArray(), hash), "a trailing NUL is not the same password");
        assertFalse(hasher.verify("secret!\0\0".toCharArray(), hash));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("tab\there".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("nul\0".toCharArray()));
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        String p1 = hasher.generatePassword();
        String p2 = hasher.generatePassword();
        assertNotEquals(p1, p2);
        assertTrue(p1.length() >= 22, p1);
    }
}
