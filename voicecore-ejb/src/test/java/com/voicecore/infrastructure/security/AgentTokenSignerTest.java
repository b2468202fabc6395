package com.voicecore.infrastructure.security;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent tokens: what a valid one says, and every way a bad one is refused. */
class AgentTokenSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final AgentTokenSigner signer = new AgentTokenSigner(Optional.empty(), Optional.of(key()));
    private final AgentClaims claims = new AgentClaims(UUID.randomUUID(), UUID.randomUUID(), AgentRole.SUPERVISOR,
            UUID.randomUUID(), NOW, NOW.plusSeconds(900));

    @Test
    void aTokenSaysWhoItsFor() {
        AgentClaims read = signer.verify(signer.sign(claims), NOW.plusSeconds(60)).orElseThrow();
        assertEquals(claims.tenantId(), read.tenantId());
        assertEquals(claims.agentId(), read.agentId());
        assertEquals(AgentRole.SUPERVISOR, read.role());
        assertEquals(claims.departmentId(), read.departmentId());
        assertEquals(claims.expiresAt(), read.expiresAt());
    }

    @Test
    void expiredTokensAreRefusedAfterThirtySecondsOfSkew() {
        String token = signer.sign(claims);
        assertTrue(signer.verify(token, NOW.plusSeconds(900 + 29)).isPresent());
        assertFalse(signer.verify(token, NOW.plusSeconds(900 + 30)).isPresent());
    }

    @Test
    void forgedTamperedOrOtherKeysTokensAreRefused() {
        String token = signer.sign(claims);
        String[] parts = token.split("\\.");
        AgentTokenSigner other = new AgentTokenSigner(Optional.of(key()), Optional.empty());
        assertFalse(other.verify(token, NOW).isPresent(), "another cluster's key");
        // another tenant written into the claims, signature kept
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(claims.tenantId().toString(), UUID.randomUUID().toString());
        String swapped = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertFalse(signer.verify(swapped, NOW).isPresent());
        // alg none, no signature
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(signer.verify(none + "." + parts[1] + ".", NOW).isPresent());
        for (String junk : new String[] {null, "", "a.b", "a.b.c", token + "x", "x".repeat(5000)}) {
            assertFalse(signer.verify(junk, NOW).isPresent(), String.valueOf(junk));
        }
    }

    @Test
    void nodesSharingTheSecretsKeyShareTheTokenKey() {
        String secrets = key();
        AgentTokenSigner a = new AgentTokenSigner(Optional.empty(), Optional.of(secrets));
        AgentTokenSigner b = new AgentTokenSigner(Optional.empty(), Optional.of(secrets));
        assertTrue(b.verify(a.sign(claims), NOW).isPresent());
    }
}
