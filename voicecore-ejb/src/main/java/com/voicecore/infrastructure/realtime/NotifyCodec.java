package com.voicecore.infrastructure.realtime;

import com.voicecore.application.realtime.Audience;
import com.voicecore.application.realtime.RealtimeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;

/** The NOTIFY payload: a small JSON envelope around the client message (PostgreSQL allows < 8000 bytes). */
final class NotifyCodec {

    static final String CHANNEL = "voicecore_realtime";
    static final int MAX_PAYLOAD = 7900;

    private NotifyCodec() {
    }

    static String encode(RealtimeEvent event) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("t", event.tenantId().toString())
                .add("a", event.audience().name());
        if (event.departmentId() != null) {
            b.add("d", event.departmentId().toString());
        }
        if (event.agentId() != null) {
            b.add("g", event.agentId().toString());
        }
        return b.add("m", event.message()).build().toString();
    }

    static Optional<RealtimeEvent> decode(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            return Optional.of(new RealtimeEvent(UUID.fromString(o.getString("t")), Audience.valueOf(o.getString("a")),
                    o.containsKey("d") ? UUID.fromString(o.getString("d")) : null,
                    o.containsKey("g") ? UUID.fromString(o.getString("g")) : null,
                    o.getString("m")));
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours or damaged: a listener never dies of one payload
        }
    }
}
