package com.voicecore.interfaces.admin.security;

import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's own check on top of Jakarta Security's token validation: an ID token must be signed. */
class SingleSignOnMechanismTest {

    @Test
    void aSignedTokenPassesAnUnsignedOrMalformedOneDoesNot() {
        assertTrue(SingleSignOnMechanism.signed(token(header("{\"alg\":\"RS256\",\"kid\":\"k\"}") + ".e30.c2ln")));
        assertFalse(SingleSignOnMechanism.signed(token(header("{\"alg\":\"none\"}") + ".e30.")), "alg none, empty signature");
        assertFalse(SingleSignOnMechanism.signed(token(header("{\"alg\":\"NONE\"}") + ".e30.c2ln")), "alg none whatever its case");
        assertFalse(SingleSignOnMechanism.signed(token(header("{\"typ\":\"JWT\"}") + ".e30.c2ln")), "no alg");
        assertFalse(SingleSignOnMechanism.signed(token(header("{\"alg\":\"RS256\"}") + ".e30.")), "an RS256 header but no signature");
        assertFalse(SingleSignOnMechanism.signed(token("%%%.e30.c2ln")), "not base64url");
        assertFalse(SingleSignOnMechanism.signed(token(header("[1]") + ".e30.c2ln")), "not a JSON object");
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static IdentityToken token(String raw) {
        return new IdentityToken() {
            @Override
            public String getToken() {
                return raw;
            }

            @Override
            public JwtClaims getJwtClaims() {
                return JwtClaims.NONE;
            }

            @Override
            public boolean isExpired() {
                return false;
            }

            @Override
            public Map<String, Object> getClaims() {
                return Map.of();
            }
        };
    }
}
