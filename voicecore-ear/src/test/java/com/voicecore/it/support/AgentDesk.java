package com.voicecore.it.support;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.client.agent.AgentTokens;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;

/** Agents at work in a test: tokens from the API, connected agent clients that keep their heartbeats. */
public final class AgentDesk {

    private AgentDesk() {
    }

    public static URI wsUrl(String path) {
        return URI.create(Api.url(path).replaceFirst("^http", "ws"));
    }

    public static String token(CallingTenant tenant, String agentId, String role) {
        try {
            return AgentTokens.issue(URI.create(Api.url("")), tenant.key(), agentId, role).token();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An agent's client on /ws/agent, welcomed, sending heartbeats twice per configured interval. */
    public static AgentClient connect(CallingTenant tenant, JsonObject agent) {
        return connect(token(tenant, agent.getString("id"), "agent"), "/ws/agent");
    }

    public static AgentClient supervisor(CallingTenant tenant, JsonObject agent) {
        return connect(token(tenant, agent.getString("id"), "supervisor"), "/ws/supervisor");
    }

    public static AgentClient connect(String token, String path) {
        try {
            AgentClient client = AgentClient.connect(wsUrl(path), token);
            JsonObject welcome = client.welcome();
            client.startHeartbeats(Duration.ofMillis(Math.max(200, welcome.getInt("heartbeatSeconds") * 1000L / 2)));
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot connect the agent client", e);
        }
    }
}
