package com.voicecore.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts a tenant's secrets at rest (first of all its Twilio auth token) with AES-256-GCM from the JDK.
 * <p>
 * Stored form ({@code bytea}): version (1 byte) | key id (1 byte) | nonce (12 random bytes) |
 * ciphertext and 16-byte tag. The additional authenticated data binds the ciphertext to its place:
 * the header, the tenant's id and the purpose (which column it belongs to), so bytes copied to another
 * tenant's row or to another column do not decrypt.
 * <p>
 * Keys come from MicroProfile Config: {@value #KEY_PROPERTY} (environment {@value #KEY_ENV}), the Base64
 * of 32 random bytes, encrypts and decrypts; {@value #PREVIOUS_KEYS_PROPERTY} (comma-separated, same
 * form) only decrypt, for rotation. A key's id is the first byte of its SHA-256, so a stored secret names
 * the key it needs without revealing it. A missing or malformed key fails at first use, not at deploy:
 * a server with no Twilio tenant starts without one.
 */
@ApplicationScoped
public class SecretCipher {

    public static final String KEY_PROPERTY = "voicecore.secrets.key";
    public static final String PREVIOUS_KEYS_PROPERTY = "voicecore.secrets.previous-keys";
    public static final String KEY_ENV = "VOICECORE_SECRETS_KEY";
    public static final String PREVIOUS_KEYS_ENV = "VOICECORE_SECRETS_PREVIOUS_KEYS";

    /** The purpose of the tenant's Twilio auth token (part of the authenticated data). */
    public static final String TWILIO_AUTH_TOKEN = "twilio-auth-token";

    /** The purpose of the tenant's OpenAI API key. */
    public static final String OPENAI_API_KEY = "openai-api-key";

    static final byte VERSION = 1;
    private static final int HEADER_BYTES = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> configuredKey;
    private final Optional<String> configuredPreviousKeys;
    private volatile Keys keys;

    @Inject
    public SecretCipher(@ConfigProperty(name = KEY_PROPERTY) Optional<String> key,
                        @ConfigProperty(name = PREVIOUS_KEYS_PROPERTY) Optional<String> previousKeys) {
        this.configuredKey = Objects.requireNonNull(key, "key");
        this.configuredPreviousKeys = Objects.requireNonNull(previousKeys, "previousKeys");
    }

    /** For the CDI client proxy only. */
    protected SecretCipher() {
        this(Optional.empty(), Optional.empty());
    }

    public byte[] encrypt(UUID tenantId, String purpose, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        Key key = keys().current();
        byte[] header = {VERSION, key.id()};
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(header, tenantId, purpose));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * @throws UndecryptableSecretException when the bytes were not encrypted for this tenant and purpose,
     *                                      were changed, or need a key that is no longer configured
     */
    public String decrypt(UUID tenantId, String purpose, byte[] stored) {
        Objects.requireNonNull(stored, "stored");
        Keys loaded = keys(); // a server without a key says so, whatever the bytes
        if (stored.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new UndecryptableSecretException("The stored secret is too short to be one (" + stored.length + " bytes)");
        }
        if (stored[0] != VERSION) {
            throw new UndecryptableSecretException("Unknown stored-secret format version " + stored[0]);
        }
        byte keyId = stored[1];
        List<Key> candidates = loaded.withId(keyId);
        if (candidates.isEmpty()) {
            throw new UndecryptableSecretException(String.format("The secret was encrypted with key id 0x%02x, which is"
                    + " neither %s nor one of %s", keyId & 0xff, KEY_PROPERTY, PREVIOUS_KEYS_PROPERTY));
        }
        byte[] header = Arrays.copyOfRange(stored, 0, HEADER_BYTES);
        byte[] aad = aad(header, tenantId, purpose);
        GCMParameterSpec nonce = new GCMParameterSpec(TAG_BITS, stored, HEADER_BYTES, NONCE_BYTES);
        for (Key key : candidates) { // two configured keys may share an id (1 in 256): try each
            try {
                Cipher cipher = Cipher.getInstance(TRANSFORMATION);
                cipher.init(Cipher.DECRYPT_MODE, key.secret(), nonce);
                cipher.updateAAD(aad);
                byte[] plain = cipher.doFinal(stored, HEADER_BYTES + NONCE_BYTES, stored.length - HEADER_BYTES - NONCE_BYTES);
                return new String(plain, StandardCharsets.UTF_8);
            } catch (AEADBadTagException wrongKeyOrPlace) {
                // next candidate
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this JDK", e);
            }
        }
        throw new UndecryptableSecretException("The secret does not decrypt for this tenant and purpose"
                + " (copied from another row or column, or changed)");
    }

    /** Whether the stored secret is under the current key; when not, re-encrypt it to finish a rotation. */
    public boolean isUnderCurrentKey(byte[] stored) {
        return stored != null && stored.length >= HEADER_BYTES && stored[0] == VERSION && stored[1] == keys().current().id();
    }

    @Override
    public String toString() {
        Keys k = keys;
        return k == null ? "SecretCipher[keys not loaded]"
                : String.format("SecretCipher[key id 0x%02x, %d previous]", k.current().id() & 0xff, k.all().size() - 1);
    }

    private static byte[] aad(byte[] header, UUID tenantId, String purpose) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (Objects.requireNonNull(purpose, "purpose").isBlank()) {
            throw new IllegalArgumentException("A secret's purpose names where it is stored");
        }
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        // the tenant id is fixed-length, so header | tenant | purpose cannot be read two ways
        return ByteBuffer.allocate(header.length + 16 + p.length).put(header)
                .putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits())
                .put(p).array();
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = Keys.load(configuredKey, configuredPreviousKeys);
                    keys = k;
                }
            }
        }
        return k;
    }

    /** A key and its id; no toString, equals or hashCode of its own that could show the bytes. */
    private record Key(byte id, SecretKey secret) {
        @Override
        public String toString() {
            return String.format("Key[id 0x%02x]", id & 0xff);
        }
    }

    private record Keys(Key current, List<Key> all) {

        List<Key> withId(byte id) {
            return all.stream().filter(k -> k.id() == id).toList();
        }

        static Keys load(Optional<String> current, Optional<String> previous) {
            String value = current.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                    "No key to encrypt tenant secrets: set the environment variable " + KEY_ENV + " (MicroProfile Config "
                            + KEY_PROPERTY + ") to the Base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32"));
            List<Key> all = new ArrayList<>();
            all.add(parse(value, KEY_PROPERTY, KEY_ENV));
            previous.ifPresent(list -> {
                for (String p : list.split(",")) {
                    if (!p.isBlank()) {
                        all.add(parse(p.strip(), PREVIOUS_KEYS_PROPERTY, PREVIOUS_KEYS_ENV));
                    }
                }
            });
            return new Keys(all.get(0), List.copyOf(all));
        }

        /** The messages name the setting and the length, never the value. */
        private static Key parse(String base64, String property, String env) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(env + " (" + property + ") is not valid Base64; it must be the Base64 of"
                        + " 32 random bytes (openssl rand -base64 32)");
            }
            try {
                if (raw.length != KEY_BYTES) {
                    throw new IllegalStateException(env + " (" + property + ") must be the Base64 of exactly 32 bytes"
                            + " (AES-256); it decodes to " + raw.length + " bytes");
                }
                byte id = MessageDigest.getInstance("SHA-256").digest(raw)[0];
                return new Key(id, new SecretKeySpec(raw, "AES"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available in this JDK", e);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }
}
