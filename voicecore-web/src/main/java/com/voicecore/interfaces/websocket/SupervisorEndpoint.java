package com.voicecore.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /ws/supervisor}: every presence change, queue and call event of the tenant (no offers). */
@ServerEndpoint(value = "/ws/supervisor", subprotocols = AgentHandshake.SUBPROTOCOL, configurator = AgentSocketConfigurator.class)
public class SupervisorEndpoint {

    @Inject
    AgentProtocol protocol;

    private AgentSocket socket;

    @OnOpen
    public void open(Session session) {
        socket = protocol.open(session, true);
    }

    @OnMessage(maxMessageSize = 16384)
    public void message(String text) {
        protocol.message(socket, text);
    }

    @OnClose
    public void close() {
        protocol.closed(socket);
    }

    @OnError
    public void error(Throwable t) {
        protocol.failed(socket, t);
    }
}
