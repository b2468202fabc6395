package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentTokenService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token travels at the handshake: the subprotocol list ({@code bearer.<token>}, what a browser
 * can send) or an {@code Authorization: Bearer} header (other clients). Never a query parameter: URLs end
 * up in access logs.
 */
final class AgentHandshake {

    static final String SUBPROTOCOL = "voicecore-agent-v1";
    static final String TOKEN_PREFIX = "bearer.";
    static final String CLAIMS = AgentClaims.class.getName();

    private AgentHandshake() {
    }

    /** The token offered in these headers (names case-insensitive), if any. */
    static Optional<String> token(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() == null || h.getValue() == null) {
                continue;
            }
            if (h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                for (String value : h.getValue()) {
                    for (String protocol : value.split(",")) {
                        String p = protocol.strip();
                        if (p.regionMatches(true, 0, TOKEN_PREFIX, 0, TOKEN_PREFIX.length())) {
                            return Optional.of(p.substring(TOKEN_PREFIX.length()));
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("Authorization") && h.getValue() != null) {
                for (String value : h.getValue()) {
                    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        return Optional.of(value.substring(7).strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Optional<AgentClaims> verify(AgentTokenService tokens, Map<String, List<String>> headers) {
        return token(headers).flatMap(tokens::verify);
    }
}
