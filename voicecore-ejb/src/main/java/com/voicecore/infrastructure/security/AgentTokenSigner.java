package com.voicecore.infrastructure.security;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent tokens as compact JWS (JWT, HS256) made with the JDK's HMAC and JSON-P: a handful of lines, no
 * library whose algorithm negotiation could be turned against it. Only the one header this class
 * writes is accepted, the MAC is compared in constant time, and expiry allows 30 s of clock skew.
 * <p>
 * The key is {@value #KEY_PROPERTY} (Base64, at least 32 bytes); without it, a key derived from the
 * secrets key, so nodes that share their configuration share this key too.
 */
@ApplicationScoped
public class AgentTokenSigner {

    public static final String KEY_PROPERTY = "voicecore.agent-token.key";
    private static final String HEADER = b64(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_CHARS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    @Inject
    public AgentTokenSigner(@ConfigProperty(name = KEY_PROPERTY) Optional<String> configured,
                            @ConfigProperty(name = SecretCipher.KEY_PROPERTY) Optional<String> secretsKey) {
        this.key = configured.filter(k -> !k.isBlank()).map(AgentTokenSigner::decodeKey)
                .orElseGet(() -> derive(secretsKey.filter(k -> !k.isBlank()).orElse(null)));
    }

    protected AgentTokenSigner() {
        this.key = null;
    }

    public String sign(AgentClaims claims) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("iss", "voicecore")
                .add("sub", claims.agentId().toString())
                .add("tid", claims.tenantId().toString())
                .add("role", claims.role().code());
        if (claims.departmentId() == null) {
            b.addNull("dep");
        } else {
            b.add("dep", claims.departmentId().toString());
        }
        byte[] jti = new byte[12];
        RANDOM.nextBytes(jti);
        b.add("iat", claims.issuedAt().getEpochSecond())
                .add("exp", claims.expiresAt().getEpochSecond())
                .add("jti", b64(jti));
        String signingInput = HEADER + "." + b64(b.build().toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + b64(mac(signingInput));
    }

    public Optional<AgentClaims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(mac(parts[0] + "." + parts[1]), given)) {
                return Optional.empty();
            }
            JsonObject claims;
            try (JsonReader reader = Json.createReader(new StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                claims = reader.readObject();
            }
            if (!"voicecore".equals(claims.getString("iss", null))) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(((JsonNumber) claims.get("exp")).longValueExact());
            if (!now.isBefore(expires.plus(SKEW))) {
                return Optional.empty();
            }
            JsonValue dep = claims.get("dep");
            return Optional.of(new AgentClaims(UUID.fromString(claims.getString("tid")),
                    UUID.fromString(claims.getString("sub")), AgentRole.fromCode(claims.getString("role")),
                    dep == null || dep.getValueType() == JsonValue.ValueType.NULL ? null
                            : UUID.fromString(claims.getString("dep")),
                    Instant.ofEpochSecond(((JsonNumber) claims.get("iat")).longValueExact()), expires));
        } catch (RuntimeException e) {
            return Optional.empty(); // malformed in any way: not a token of ours
        }
    }

    private byte[] mac(String signingInput) {
        if (key == null) {
            throw new IllegalStateException("No agent token key: set " + KEY_PROPERTY + " or " + SecretCipher.KEY_PROPERTY);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] k = Base64.getDecoder().decode(base64.strip());
        if (k.length < 32) {
            throw new IllegalArgumentException(KEY_PROPERTY + " must be the Base64 of at least 32 bytes");
        }
        return k;
    }

    /** HMAC-SHA256(secrets key, label): another key from the same secret, useless for the other purpose. */
    private static byte[] derive(String secretsKey) {
        if (secretsKey == null) {
            return null; // fails at first use, like the secrets key itself
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretsKey.strip()), "HmacSHA256"));
            return mac.doFinal("voicecore agent token key v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot derive the agent token key from " + SecretCipher.KEY_PROPERTY, e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
