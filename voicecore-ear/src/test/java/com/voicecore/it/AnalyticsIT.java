package com.voicecore.it;

import com.voicecore.it.support.AnalyticsHistory;
import com.voicecore.it.support.AnalyticsHistory.Tenant;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static com.voicecore.it.support.AnalyticsHistory.call;
import static com.voicecore.it.support.AnalyticsHistory.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics API over HTTP (docs/analytics.md): the report in the tenant's time zone from a known
 * history, each table as CSV, another tenant's ids answered 404 with nothing of theirs in the answer,
 * and bad input as problem+json 400. The metric arithmetic itself is Property 20 (AnalyticsPropertyTest).
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

    private static Tenant nyc;
    private static Tenant rival;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void histories() {
        nyc = tenant("Analytics NYC " + UUID.randomUUID(), "America/New_York", "=HYPERLINK(\"http://evil\")");
        rival = tenant("Analytics Rival " + UUID.randomUUID(), "Europe/Berlin", "Rival Secret Agent");
        for (Tenant t : List.of(nyc, rival)) {
            AnalyticsHistory.standardDay(t);
        }
        // the rival is busier, in the same hours: none of it may reach the first tenant's figures
        for (int i = 0; i < 5; i++) {
            call(rival, "2026-11-10T15:2" + i + ":00Z", rival.support(), rival.agent(), "allow", "completed", 5, 30, 0, null);
        }
    }

    private static String report(Tenant t, String query) {
        return "/api/v1/analytics?" + query;
    }

    @Test
    void theReportCountsTheTenantsOwnCallsInItsTimeZone() {
        Api.Reply reply = Api.get(report(nyc, "from=2026-11-09&to=2026-11-10"), nyc.key());
        assertEquals(200, reply.status(), reply.body());
        JsonObject r = reply.object();
        assertEquals("America/New_York", r.getJsonObject("period").getString("timeZone"));
        assertEquals("2026-11-09T05:00:00Z", r.getJsonObject("period").getString("start"), "local midnight");
        JsonObject t = r.getJsonObject("totals");
        assertEquals(5, t.getInt("calls"), t.toString());
        assertEquals(1, t.getInt("spamBlocked"));
        assertEquals(1, t.getInt("answered"));
        assertEquals(3, t.getInt("queued"));
        assertEquals(2, t.getInt("abandoned"));
        assertEquals(1, t.getInt("shortAbandoned"));
        assertEquals(12.0, t.getJsonNumber("averageSpeedOfAnswerSeconds").doubleValue(), 1e-9);
        assertEquals(50.0, t.getJsonNumber("serviceLevelPercent").doubleValue(), 1e-9, "1 within 20 s of 1 + 2 - 1");
        assertEquals(100.0 * 2 / 3, t.getJsonNumber("abandonmentRatePercent").doubleValue(), 1e-9);
        assertEquals(65.0, t.getJsonNumber("averageHandleSeconds").doubleValue(), 1e-9);
        assertEquals(100.0, t.getJsonNumber("containmentPercent").doubleValue(), 1e-9);
        assertEquals(100.0, t.getJsonNumber("occupancyPercent").doubleValue(), 1e-9, "65 s handled, never idle");
        JsonObject reception = r.getJsonArray("departments").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("name").equals("Reception")).findFirst().orElseThrow();
        assertTrue(reception.isNull("occupancyPercent") && reception.isNull("averageSpeedOfAnswerSeconds"),
                "no agents, no calls: no rates, not zeros: " + reception);
        // the 04:30 UTC call is the 9th's, at 23:00, in New York
        JsonObject ninth = r.getJsonArray("days").getJsonObject(0);
        assertEquals("2026-11-09", ninth.getString("date"));
        assertEquals(1, ninth.getInt("calls"));
        assertEquals(1, r.getJsonArray("hours").getJsonObject(23).getInt("calls"));
        assertEquals(24, r.getJsonArray("hours").size());
        assertFalse(reply.body().contains("Rival"), "nothing of the other tenant");

        // a threshold of 10 s: the 12 s answer is no longer within it
        JsonObject strict = Api.get(report(nyc, "from=2026-11-09&to=2026-11-10&serviceLevelSeconds=10"), nyc.key()).object();
        assertEquals(0.0, strict.getJsonObject("totals").getJsonNumber("serviceLevelPercent").doubleValue(), 1e-9);
        // one department, one agent
        JsonObject sales = Api.get(report(nyc, "from=2026-11-09&to=2026-11-10&departmentId=" + nyc.sales()), nyc.key()).object();
        assertEquals(3, sales.getJsonObject("totals").getInt("calls"));
        assertEquals(1, sales.getJsonArray("departments").size());
        JsonObject agent = Api.get(report(nyc, "from=2026-11-09&to=2026-11-10&agentId=" + nyc.agent()), nyc.key()).object();
        assertEquals(1, agent.getJsonObject("totals").getInt("calls"));
        assertEquals(1, agent.getJsonArray("agents").getJsonObject(0).getInt("handled"));
    }

    @Test
    void tablesExportAsCsvWithFormulasDefused() {
        Api.Reply csv = Api.get("/api/v1/analytics/agents.csv?from=2026-11-09&to=2026-11-10", nyc.key());
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.header("Content-Disposition").startsWith("attachment; filename=\"analytics-agents-2026-11-09-2026-11-10.csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("agentId,departmentId,name,answered,"), lines[0]);
        assertEquals(2, lines.length, csv.body());
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","),
                "a name that is a formula is quoted and starts with an apostrophe: " + lines[1]);

        Api.Reply days = Api.send("GET", "/api/v1/analytics/days?from=2026-11-09&to=2026-11-10", nyc.key(), null, "application/json");
        Api.Reply negotiated = sendAccept("/api/v1/analytics/days?from=2026-11-09&to=2026-11-10", nyc.key(), "text/csv");
        assertEquals(200, negotiated.status(), negotiated.body());
        assertTrue(negotiated.contentType().startsWith("text/csv"));
        assertEquals(3, negotiated.body().split("\r\n").length, "a header and two days");
        assertTrue(negotiated.body().split("\r\n")[1].startsWith("2026-11-09,1,0,1,"), negotiated.body());
        assertEquals(200, days.status());
        assertEquals(2, days.array().size(), "the same table as JSON");

        String departments = Api.get("/api/v1/analytics/departments.csv?from=2026-11-09&to=2026-11-10", nyc.key()).body();
        assertEquals(4, departments.split("\r\n").length, "a header and the three departments: " + departments);
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndLeakNothing() {
        for (String query : List.of("departmentId=" + rival.support(), "agentId=" + rival.agent(),
                "departmentId=" + UUID.randomUUID(), "agentId=" + UUID.randomUUID())) {
            for (String path : List.of("/api/v1/analytics?", "/api/v1/analytics/agents.csv?")) {
                Api.Reply reply = Api.get(path + "from=2026-11-09&to=2026-11-10&" + query, nyc.key());
                assertEquals(404, reply.status(), query + ": " + reply.body());
                assertTrue(reply.isProblem(), reply.contentType());
                assertFalse(reply.body().contains("Rival") || reply.body().contains("Secret"), reply.body());
            }
        }
        // and the rival sees its own, never the first tenant's
        JsonObject own = Api.get(report(rival, "from=2026-11-10&to=2026-11-10&departmentId=" + rival.support()), rival.key()).object();
        assertEquals(5, own.getJsonObject("totals").getInt("calls"));
        assertFalse(own.toString().contains("HYPERLINK"));
        assertEquals(401, Api.get("/api/v1/analytics", null).status());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String[][] cases = {
                {"from=2026-13-01", "from"}, {"from=yesterday", "from"}, {"to=2026-11-31", "to"},
                {"from=2026-11-10&to=2026-11-09", "from"}, {"from=2025-01-01&to=2026-11-10", "to"},
                {"departmentId=not-a-uuid", "departmentId"}, {"agentId=42", "agentId"},
                {"serviceLevelSeconds=0", "serviceLevelSeconds"}, {"serviceLevelSeconds=abc", "serviceLevelSeconds"},
                {"serviceLevelSeconds=99999999999", "serviceLevelSeconds"}};
        for (String[] c : cases) {
            for (String path : List.of("/api/v1/analytics?", "/api/v1/analytics/totals.csv?")) {
                Api.Reply reply = Api.get(path + c[0], nyc.key());
                assertEquals(400, reply.status(), c[0] + ": " + reply.body());
                assertTrue(reply.isProblem(), c[0] + ": " + reply.contentType());
                assertEquals(List.of(c[1]), reply.problemFields(), c[0] + ": " + reply.body());
            }
        }
        Api.Reply table = Api.get("/api/v1/analytics/calls.csv", nyc.key());
        assertEquals(400, table.status(), table.body());
        assertEquals(List.of("table"), table.problemFields());
    }

    @Test
    void theOlderAgentMetricsAnswerFromTheSameReport() {
        Instant from = Instant.parse("2026-11-09T05:00:00Z");
        Instant until = Instant.parse("2026-11-11T05:00:00Z");
        JsonObject old = Api.get("/api/v1/agent-metrics?from=" + from + "&until=" + until, nyc.key()).array().stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("agentId").equals(nyc.agent().toString())).findFirst().orElseThrow();
        JsonObject now = Api.get(report(nyc, "from=2026-11-09&to=2026-11-10"), nyc.key()).object().getJsonArray("agents")
                .stream().map(JsonValue::asJsonObject).filter(a -> a.getString("agentId").equals(nyc.agent().toString()))
                .findFirst().orElseThrow();
        assertEquals(now.getInt("handled"), old.getInt("callsHandled"));
        assertEquals(now.getInt("handleSeconds"), old.getInt("handleSeconds"));
        assertEquals(65, old.getInt("handleSeconds"));
        assertEquals(OffsetDateTime.ofInstant(from, ZoneOffset.UTC).toInstant().toString(), old.getString("from"));
    }

    private static Api.Reply sendAccept(String path, String key, String accept) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.url(path)))
                            .header("Authorization", "Bearer " + key).header("Accept", accept).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), null, null, r.body(), r.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
