package com.voicecore.it.support;

import com.voicecore.simulator.CallSimulator;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tenant ready to take calls: provisioned through the platform API, its Twilio account and one
 * number connected through the tenant API, open around the clock (emergency override) so tests do not
 * depend on the hour they run at. Calls are placed with the local call simulator.
 */
public record CallingTenant(TestTenant tenant, String accountSid, String authToken, String number) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong NUMBERS = new AtomicLong(RANDOM.nextInt(1_000_000) * 100L);

    public static CallingTenant open(String name, int includedMinutes) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply created = Api.post("/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": " + Api.str(name) + ", \"adminEmail\": " + Api.str(email) + ", \"timeZone\": \"Europe/Berlin\","
                        + " \"departments\": [\"Reception\", \"Sales\", \"Support\"], \"includedMinutes\": " + includedMinutes + "}");
        assertEquals(201, created.status(), created.body());
        TestTenant tenant = TestTenant.of(created.object());
        String sid = "AC" + hex(16);
        String token = hex(16);
        Api.Reply settings = Api.put("/api/v1/settings/telephony", tenant.apiKey(),
                "{\"accountSid\": " + Api.str(sid) + ", \"authToken\": " + Api.str(token) + "}");
        assertEquals(200, settings.status(), settings.body());
        String number = uniqueNumber();
        Api.Reply added = Api.post("/api/v1/phone-numbers", tenant.apiKey(), "{\"number\": " + Api.str(number) + "}");
        assertEquals(201, added.status(), added.body());
        CallingTenant calling = new CallingTenant(tenant, sid, token, number);
        calling.emergency("open");
        return calling;
    }

    public static String uniqueNumber() {
        return "+4930" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000L);
    }

    public static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The CallDuration the simulated Twilio reported at the end of the call (whole seconds, rounded up). */
    public static long reportedSeconds(com.voicecore.simulator.SimulatedCall call) {
        return call.statusCallbacks().stream().map(e -> e.parameter("CallDuration")).filter(java.util.Objects::nonNull)
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    public CallSimulator simulator() {
        return new CallSimulator(URI.create(Api.url("")), accountSid, authToken);
    }

    public void emergency(String mode) {
        Api.Reply reply = Api.put("/api/v1/business-hours/emergency", key(),
                "{\"mode\": " + (mode == null ? "null" : Api.str(mode)) + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    public String key() {
        return tenant.apiKey();
    }

    public String departmentId(String name) {
        return Api.get("/api/v1/departments", key()).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    }

    public JsonObject addAgent(String name, String department, String extension, String status) {
        Api.Reply reply = Api.post("/api/v1/agents", key(), "{\"name\": " + Api.str(name) + ", \"email\": "
                + Api.str(name.toLowerCase().replace(' ', '.') + "." + hex(3) + "@example.com") + ", \"departmentId\": "
                + Api.str(departmentId(department)) + ", \"extension\": " + Api.str(extension) + ", \"status\": " + Api.str(status) + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.object();
    }

    /** The call record of a Twilio call SID, through the API. */
    public JsonObject call(String callSid) {
        JsonObject page = Api.get("/api/v1/calls?size=200", key()).object();
        String id = page.getJsonArray("calls").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("callSid").equals(callSid)).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + callSid + " in " + page)).getString("id");
        Api.Reply reply = Api.get("/api/v1/calls/" + id, key());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    public JsonObject usage() {
        Api.Reply reply = Api.get("/api/v1/usage", key());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }
}
