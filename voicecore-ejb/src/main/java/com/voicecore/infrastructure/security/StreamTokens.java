package com.voicecore.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signs and checks the token a media stream presents ({@code <Parameter name="token">}): tenant, stream
 * id, call SID and expiry, HMAC-SHA256 signed with a key derived from the secrets key (every node of a
 * cluster shares it, so a stream may land on any node). The signature proves where the token came
 * from; its single use is kept in the database ({@code realtime_streams}).
 */
@ApplicationScoped
public class StreamTokens {

    /** What a valid signature vouches for. */
    public record Claims(UUID tenantId, UUID streamId, String callSid, Instant expiresAt) {
    }

    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-zA-Z]{1,62}");
    private static final int MAX_TOKEN_LENGTH = 400;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Optional<String> configuredKey;
    private volatile byte[] key;

    @Inject
    public StreamTokens(@ConfigProperty(name = SecretCipher.KEY_PROPERTY) Optional<String> secretsKey) {
        this.configuredKey = secretsKey;
    }

    /** For the CDI client proxy only. */
    protected StreamTokens() {
        this(Optional.empty());
    }

    public String sign(Claims claims) {
        String body = "v1." + claims.tenantId() + "." + claims.streamId() + "." + claims.callSid() + "."
                + claims.expiresAt().getEpochSecond();
        String payload = B64.encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The claims of a well-formed, correctly signed, unexpired token; empty for anything else. */
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String body;
        try {
            signature = B64D.decode(token.substring(dot + 1));
            body = new String(B64D.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        if (parts.length != 5 || !parts[0].equals("v1") || !CALL_SID.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        try {
            Claims claims = new Claims(UUID.fromString(parts[1]), UUID.fromString(parts[2]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
            return claims.expiresAt().isAfter(now) ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String secret = configuredKey.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "Realtime voice needs " + SecretCipher.KEY_ENV + " (" + SecretCipher.KEY_PROPERTY + ")"));
            try {
                // a key of its own, derived from the secrets key: a token MAC never reuses the cipher's key as is
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update("voicecore media stream token v1".getBytes(StandardCharsets.US_ASCII));
                k = sha.digest(Base64.getDecoder().decode(secret.strip()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("The secrets key is not valid Base64", e);
            }
            key = k;
        }
        return k;
    }
}
