package com.voicecore.interfaces.websocket;

import com.voicecore.application.realtime.RealtimeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Pushes each committed announcement to the sockets of this node that may see it: every socket of the
 * tenant for presence; the department's agents and the supervisors for queue and call events; the
 * agent's own agent sockets for offers. Never another tenant's sockets. When a tenant's access ends
 * (suspended, deleted), its sockets are closed with 4001.
 */
@ApplicationScoped
public class RealtimeBroadcaster {

    @Inject
    SocketRegistry sockets;

    public void onEvent(@ObservesAsync @Realtime RealtimeEvent event) {
        if (event.endsAccess()) {
            for (AgentSocket socket : sockets.of(event.tenantId())) {
                socket.close(AgentProtocol.ACCESS_ENDED, "the company's access has been suspended");
            }
            return;
        }
        for (AgentSocket socket : sockets.of(event.tenantId())) {
            if (reaches(event, socket)) {
                socket.send(event.message());
            }
        }
    }

    static boolean reaches(RealtimeEvent event, AgentSocket socket) {
        if (!socket.tenantId().equals(event.tenantId())) {
            return false;
        }
        return switch (event.audience()) {
            case TENANT -> true;
            case DEPARTMENT -> socket.seesDepartment(event.departmentId());
            case AGENT -> socket.isAgentSocketOf(event.agentId());
        };
    }
}
