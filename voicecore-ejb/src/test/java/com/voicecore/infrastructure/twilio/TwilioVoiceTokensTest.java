package com.voicecore.infrastructure.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The softphone's Twilio Voice access token, as Twilio reads it: header, grants, signature. */
class TwilioVoiceTokensTest {

    static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    static final String KEY = "SK" + "fedcba9876543210fedcba9876543210";
    static final String SECRET = "s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t12";
    static final String APP = "AP" + "00112233445566778899aabbccddeeff";

    @Test
    void mintsAVoiceGrantForTheIdentitySignedWithTheApiKeySecret() throws Exception {
        TwilioVoiceTokens tokens = new TwilioVoiceTokens(600, Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));
        TwilioVoiceTokens.Minted minted = tokens.mint(ACCOUNT, KEY, SECRET, APP, "agent-42");
        String[] parts = minted.jwt().split("\\.");
        assertEquals(3, parts.length);

        JsonNode header = json(parts[0]);
        assertEquals("HS256", header.path("alg").asText());
        assertEquals("twilio-fpa;v=1", header.path("cty").asText(), "Twilio's access-token content type");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals(parts[2], Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII))));

        JsonNode claims = json(parts[1]);
        assertEquals(KEY, claims.path("iss").asText());
        assertEquals(ACCOUNT, claims.path("sub").asText());
        long lifetime = claims.path("exp").asLong() - System.currentTimeMillis() / 1000;
        assertTrue(lifetime > 590 && lifetime <= 600, "the configured lifetime: " + claims);
        JsonNode grants = claims.path("grants");
        assertEquals("agent-42", grants.path("identity").asText());
        assertTrue(grants.path("voice").path("incoming").path("allow").asBoolean());
        assertEquals(APP, grants.path("voice").path("outgoing").path("application_sid").asText());
        assertEquals(Instant.parse("2026-11-24T03:10:00Z"), minted.expiresAt());
        assertFalse(minted.toString().contains(minted.jwt()), "never in a log line");
    }

    @Test
    void refusesLifetimesTwilioWouldNot() {
        assertThrows(IllegalArgumentException.class, () -> new TwilioVoiceTokens(59));
        assertThrows(IllegalArgumentException.class, () -> new TwilioVoiceTokens(86_401));
    }

    private static JsonNode json(String part) throws Exception {
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
