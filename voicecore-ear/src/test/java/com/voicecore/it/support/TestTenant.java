package com.voicecore.it.support;

import jakarta.json.JsonObject;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A tenant provisioned through the platform API, with the key it was given. */
public record TestTenant(UUID id, String name, String apiKey, String adminEmail, String adminPassword) {

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    public static TestTenant provision(String name) {
        String email = "admin" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply reply = Api.post("/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": " + Api.str(name) + ", \"adminEmail\": " + Api.str(email) + "}");
        assertEquals(201, reply.status(), reply.body());
        return of(reply.object());
    }

    public static TestTenant of(JsonObject created) {
        return new TestTenant(UUID.fromString(created.getJsonObject("tenant").getString("id")),
                created.getJsonObject("tenant").getString("name"), created.getString("apiKey"),
                created.getString("adminEmail"), created.getString("adminPassword"));
    }
}
