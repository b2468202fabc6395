package com.voicecore.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class SecretCipherTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final UUID TENANT = UUID.fromString("8d4f1c55-3b1e-4d4e-9c57-0f6a3e0c2a11");
    private static final UUID OTHER_TENANT = UUID.fromString("2a0b7d0e-6f0c-4a55-8a0e-1c3b5d7f9e21");

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte keyId(String base64) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64))[0];
    }

    private static SecretCipher cipher(String key, String... previous) {
        return new SecretCipher(Optional.ofNullable(key),
                previous.length == 0 ? Optional.empty() : Optional.of(String.join(" , ", previous)));
    }

    private final SecretCipher cipher = cipher(newKey());

    @Test
    void roundTripsAnyTextAndNeverStoresItInTheClear() {
        // code points below the surrogates: every such string has exactly one UTF-8 form
        qt().withExamples(200).forAll(strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 200)).checkAssert(secret -> {
            byte[] stored = cipher.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, secret);
            assertEquals(secret, cipher.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, stored));
            assertEquals(2 + 12 + secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16, stored.length);
        });
        byte[] stored = cipher.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN);
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains(TOKEN));
        assertEquals(SecretCipher.VERSION, stored[0]);
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        assertFalse(java.util.Arrays.equals(cipher.encrypt(TENANT, "p", TOKEN), cipher.encrypt(TENANT, "p", TOKEN)));
    }

    @Test
    void anotherTenantsRowOrAnotherColumnDoesNotDecrypt() {
        byte[] stored = cipher.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN);
        UndecryptableSecretException e = assertThrows(UndecryptableSecretException.class,
                () -> cipher.decrypt(OTHER_TENANT, SecretCipher.TWILIO_AUTH_TOKEN, stored));
        assertFalse(e.getMessage().contains(TOKEN));
        assertThrows(UndecryptableSecretException.class, () -> cipher.decrypt(TENANT, "openai-api-key", stored));
    }

    @Test
    void anyChangedByteIsRefused() {
        byte[] stored = cipher.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN);
        qt().withExamples(100).forAll(integers().between(0, stored.length - 1), integers().between(1, 255))
                .checkAssert((index, flip) -> {
                    byte[] tampered = stored.clone();
                    tampered[index] ^= flip.byteValue();
                    assertThrows(UndecryptableSecretException.class,
                            () -> cipher.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, tampered), "byte " + index);
                });
        assertThrows(UndecryptableSecretException.class,
                () -> cipher.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, java.util.Arrays.copyOf(stored, 20)));
    }

    @Test
    void rotationDecryptsWithAPreviousKeyAndEncryptsWithTheCurrentOne() throws Exception {
        String oldKey = newKey();
        String newKey = newKey();
        SecretCipher before = cipher(oldKey);
        byte[] old = before.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN);

        SecretCipher during = cipher(newKey, newKey(), oldKey);
        assertEquals(TOKEN, during.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, old));
        assertFalse(during.isUnderCurrentKey(old));
        byte[] renewed = during.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN);
        assertTrue(during.isUnderCurrentKey(renewed));
        assertEquals(keyId(newKey), renewed[1], "the key id is the first byte of the key's SHA-256");
        assertEquals(keyId(oldKey), old[1]);

        SecretCipher after = cipher(newKey);
        assertEquals(TOKEN, after.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, renewed));
        UndecryptableSecretException e = assertThrows(UndecryptableSecretException.class,
                () -> after.decrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, old));
        assertTrue(e.getMessage().contains("voicecore.secrets.previous-keys") || e.getMessage().contains("does not decrypt"),
                e.getMessage());
    }

    @Test
    void aMissingKeyFailsAtFirstUseNamingTheEnvironmentVariable() {
        SecretCipher unconfigured = cipher(null);
        assertEquals("SecretCipher[keys not loaded]", unconfigured.toString()); // constructing it is fine
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> unconfigured.encrypt(TENANT, SecretCipher.TWILIO_AUTH_TOKEN, TOKEN));
        assertTrue(e.getMessage().contains("VOICECORE_SECRETS_KEY"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> cipher("   ").decrypt(TENANT, "p", new byte[40]));
    }

    @Test
    void aShortOrMalformedKeyIsRefusedWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cipher(shortKey).encrypt(TENANT, "p", TOKEN));
        assertTrue(e.getMessage().contains("VOICECORE_SECRETS_KEY") && e.getMessage().contains("16 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey));

        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> cipher("not base64 at all!").encrypt(TENANT, "p", TOKEN));
        assertFalse(bad.getMessage().contains("not base64 at all!"));

        IllegalStateException previous = assertThrows(IllegalStateException.class,
                () -> cipher(newKey(), shortKey).encrypt(TENANT, "p", TOKEN));
        assertTrue(previous.getMessage().contains("VOICECORE_SECRETS_PREVIOUS_KEYS"), previous.getMessage());
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String key = newKey();
        SecretCipher c = cipher(key);
        c.encrypt(TENANT, "p", TOKEN);
        String shown = c.toString();
        assertTrue(shown.matches("SecretCipher\\[key id 0x[0-9a-f]{2}, 0 previous]"), shown);
        assertFalse(shown.contains(key));
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] stored = cipher.encrypt(TENANT, "p", TOKEN);
        byte[] otherVersion = stored.clone();
        otherVersion[0] = 2;
        assertThrows(UndecryptableSecretException.class, () -> cipher.decrypt(TENANT, "p", otherVersion));
    }
}
