package com.voicecore.it.support;

import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A known call history for the analytics tests (AnalyticsIT over the API, AnalyticsConsoleIT in the
 * console): a tenant in a time zone of its choice with one agent in Sales, and calls written as the call
 * path leaves them (call, queue entry, conversation, voicemail), at chosen instants.
 */
public final class AnalyticsHistory {

    /** A provisioned tenant with its Sales and Support departments and one agent in Sales. */
    public record Tenant(TestTenant t, UUID sales, UUID support, UUID agent) {
        public String key() {
            return t.apiKey();
        }
    }

    private AnalyticsHistory() {
    }

    public static Tenant tenant(String name, String zone, String agentName) {
        Api.Reply created = Api.post("/api/v1/platform/tenants", TestEnvironment.platformKey(), "{\"name\": " + Api.str(name)
                + ", \"adminEmail\": " + Api.str("admin-" + UUID.randomUUID() + "@example.com") + ", \"timeZone\": " + Api.str(zone) + "}");
        assertEquals(201, created.status(), created.body());
        TestTenant t = TestTenant.of(created.object());
        UUID sales = department(t, "Sales");
        UUID support = department(t, "Support");
        UUID agent = UUID.randomUUID();
        Sql.update("insert into agents (id, tenant_id, department_id, name, email) values (?, ?, ?, ?, ?)",
                agent, t.id(), sales, agentName, "agent-" + agent + "@example.com");
        return new Tenant(t, sales, support, agent);
    }

    public static UUID department(TestTenant t, String name) {
        return UUID.fromString(Api.get("/api/v1/departments", t.apiKey()).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow().getString("id"));
    }

    /**
     * One inbound call started {@code at}: routed to {@code department} and {@code agent} (or none), screened
     * {@code spam} (allow / block), queued with {@code queueState} for {@code wait} seconds when given (answered
     * after it if completed, with talk and wrap-up), and a conversation with the receptionist ending in
     * {@code conversation} when given. Answers the call's id.
     */
    public static UUID call(Tenant t, String at, UUID department, UUID agent, String spam, String queueState, int wait,
                            Integer talk, Integer wrapUp, String conversation) {
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.parse(at);
        Sql.update("insert into calls (id, tenant_id, twilio_call_sid, from_number, to_number, department_id, agent_id, status,"
                        + " spam_action, started_at) values (?, ?, ?, '+12125550111', '+12125550100', ?, ?, 'completed', ?, ?)",
                id, t.t().id(), "CA" + id.toString().replace("-", ""), department, agent, spam, start);
        if (queueState != null) {
            OffsetDateTime answered = queueState.equals("completed") ? start.plusSeconds(wait) : null;
            Sql.update("insert into queue_entries (tenant_id, department_id, call_id, call_sid, caller_number, state, enqueued_at,"
                            + " agent_id, answered_at, ended_at, talk_seconds, wrap_up_seconds) values (?, ?, ?, ?, '+12125550111',"
                            + " ?, ?, ?, ?, ?, ?, ?)", t.t().id(), department, id, "CA" + id, queueState, start, agent, answered,
                    answered != null ? answered.plusSeconds(talk) : start.plusSeconds(wait), talk, wrapUp);
        }
        if (conversation != null) {
            Sql.update("insert into conversations (tenant_id, call_id, language, outcome, started_at) values (?, ?, 'en', ?, ?)",
                    t.t().id(), id, conversation, start.plusSeconds(5));
        }
        return id;
    }

    /**
     * Five calls around 2026-11-10 (UTC): one answered from the Sales queue by the agent after 12 s with 60 s
     * talk and 5 s wrap-up (at 04:30 UTC, still the 9th in the Americas), two abandoned in the Sales queue
     * after 3 s (a short abandon) and 40 s, one the receptionist resolved alone, and one blocked as spam.
     */
    public static void standardDay(Tenant t) {
        call(t, "2026-11-10T04:30:00Z", t.sales(), t.agent(), "allow", "completed", 12, 60, 5, null);
        call(t, "2026-11-10T15:00:00Z", t.sales(), null, "allow", "abandoned", 3, null, null, null);
        call(t, "2026-11-10T15:10:00Z", t.sales(), null, "allow", "abandoned", 40, null, null, null);
        call(t, "2026-11-10T16:00:00Z", null, null, "allow", null, 0, null, null, "resolved");
        call(t, "2026-11-10T16:05:00Z", null, null, "block", null, 0, null, null, null);
    }

    /** A voicemail message of {@code seconds} left on the call, recorded {@code after} seconds into it. */
    public static void voicemail(Tenant t, UUID call, String callStartedAt, UUID department, int after, int seconds) {
        Sql.update("insert into voicemails (tenant_id, call_id, department_id, recording_sid, recording_url, duration_seconds, created_at)"
                        + " values (?, ?, ?, ?, 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1', ?, ?)",
                t.t().id(), call, department, "RE" + UUID.randomUUID().toString().replace("-", ""), seconds,
                OffsetDateTime.parse(callStartedAt).plusSeconds(after));
    }
}
