package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentTokenService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Reads the verified claims into the session at the handshake (the client can never change them later)
 * and answers the protocol's subprotocol, never the token that came with it.
 */
public class AgentSocketConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        AgentTokenService tokens = CDI.current().select(AgentTokenService.class).get();
        // Jakarta WebSocket 2.1: the user properties seen here are this connection's own copy, and become
        // the session's
        config.getUserProperties().remove(AgentHandshake.CLAIMS);
        AgentHandshake.verify(tokens, request.getHeaders())
                .ifPresent(claims -> config.getUserProperties().put(AgentHandshake.CLAIMS, claims));
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(AgentHandshake.SUBPROTOCOL) ? AgentHandshake.SUBPROTOCOL : "";
    }
}
