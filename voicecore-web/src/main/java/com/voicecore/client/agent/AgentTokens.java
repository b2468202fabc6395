package com.voicecore.client.agent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Getting an agent token over HTTP: with the tenant API key, or by the agent's own login. */
public final class AgentTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The token and what the server said about it. */
    public record Token(String token, JsonObject body) {
        @Override
        public String toString() {
            return "Token[" + body.getString("agentId", "?") + ", " + body.getString("role", "?") + "]";
        }
    }

    private AgentTokens() {
    }

    /** {@code POST /api/v1/agents/{agentId}/token} with the tenant API key. */
    public static Token issue(URI baseUrl, String tenantApiKey, String agentId, String role) throws IOException, InterruptedException {
        return post(baseUrl.resolve("/api/v1/agents/" + agentId + "/token"), "Bearer " + tenantApiKey,
                Json.createObjectBuilder().add("role", role).build().toString());
    }

    /** {@code POST /api/v1/agent-login} with the linked tenant user's e-mail and password. */
    public static Token login(URI baseUrl, String tenantId, String email, String password) throws IOException, InterruptedException {
        return post(baseUrl.resolve("/api/v1/agent-login"), null, Json.createObjectBuilder()
                .add("tenantId", tenantId).add("email", email).add("password", password).build().toString());
    }

    private static Token post(URI uri, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("No token: HTTP " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject o = reader.readObject();
            return new Token(o.getString("token"), o);
        }
    }
}
