package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestTenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** Departments and agents through the tenant API, as an integrator uses it with a tenant's key. */
@ExtendWith(ArquillianExtension.class)
class TenantApiIT {

    private TestTenant tenant;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.provision("Tenant API " + UUID.randomUUID());
    }

    private String key() {
        return tenant.apiKey();
    }

    private JsonObject department(String name) {
        return Api.get("/api/v1/departments", key()).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static String departmentJson(String name, Integer from, Integer to) {
        return "{\"name\": " + Api.str(name) + (from == null ? "" : ", \"extensionFrom\": " + from)
                + (to == null ? "" : ", \"extensionTo\": " + to) + "}";
    }

    private static String agentJson(String name, String email, String departmentId, String extension) {
        return "{\"name\": " + Api.str(name) + ", \"email\": " + Api.str(email) + ", \"departmentId\": "
                + Api.str(departmentId) + ", \"extension\": " + Api.str(extension) + "}";
    }

    // ------------------------------------------------------------------ spam rules

    @Test
    void spamRulesAreReplacedSwitchedOffAndOnWithTheSameChecksAsNewOnes() {
        Api.Reply created = Api.post("/api/v1/spam-rules", key(),
                "{\"type\": \"pattern\", \"value\": \"^\\\\+1900\", \"action\": \"block\", \"weight\": 80}");
        assertEquals(201, created.status(), created.body());
        String rule = "/api/v1/spam-rules/" + created.object().getString("id");
        assertEquals("block", screened("+19005550100").getString("action"));

        Api.Reply broken = Api.put(rule, key(), "{\"type\": \"pattern\", \"value\": \"(+\", \"action\": \"block\", \"weight\": 80}");
        assertEquals(400, broken.status(), broken.body());
        assertTrue(broken.isProblem(), broken.toString());
        assertEquals(List.of("value"), broken.problemFields());
        Api.Reply oversized = Api.put(rule, key(), "{\"type\": \"pattern\", \"value\": \"(\\\\d{1,200}){1,200}\", \"action\": \"block\", \"weight\": 80}");
        Api.Reply oversizedNew = Api.post("/api/v1/spam-rules", key(), "{\"type\": \"pattern\", \"value\": \"(\\\\d{1,200}){1,200}\", \"action\": \"block\", \"weight\": 80}");
        assertEquals(400, oversizedNew.status(), oversizedNew.body());
        assertEquals(400, oversized.status(), "an edit is refused exactly like a new rule: " + oversized.body());
        assertTrue(oversized.body().contains("too large"), oversized.body());
        assertEquals(oversizedNew.object().getJsonArray("errors"), oversized.object().getJsonArray("errors"));
        Api.Reply heavy = Api.put(rule, key(), "{\"type\": \"pattern\", \"value\": \"^1\", \"action\": \"block\", \"weight\": 101}");
        assertEquals(400, heavy.status(), heavy.body());
        assertEquals(List.of("weight"), heavy.problemFields());
        Api.Reply allowKeyword = Api.put(rule, key(), "{\"type\": \"keyword\", \"value\": \"lottery\", \"action\": \"allow\", \"weight\": 10}");
        assertEquals(400, allowKeyword.status(), allowKeyword.body());
        JsonObject unchanged = Api.get("/api/v1/spam-rules", key()).array().stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(created.object().getString("id"))).findFirst().orElseThrow();
        assertEquals("^\\+1900", unchanged.getString("value"), "a refused edit changes nothing");
        assertEquals(80, unchanged.getInt("weight"));

        Api.Reply flagged = Api.put(rule, key(),
                "{\"type\": \"pattern\", \"value\": \"^\\\\+1900\", \"action\": \"flag\", \"weight\": 20, \"description\": \"premium\"}");
        assertEquals(200, flagged.status(), flagged.body());
        assertEquals("flag", flagged.object().getString("action"));
        assertTrue(flagged.object().getBoolean("active"), "a replaced rule keeps its state when active is absent");
        assertEquals("allow", screened("+19005550100").getString("action"), "flag with weight 20 stays under the thresholds");
        assertTrue(screened("+19005550100").getJsonArray("reasons").toString().contains("premium"));

        Api.Reply off = Api.put(rule, key(),
                "{\"type\": \"pattern\", \"value\": \"^\\\\+1900\", \"action\": \"block\", \"weight\": 90, \"active\": false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.object().getBoolean("active"));
        JsonObject verdict = screened("+19005550100");
        assertEquals("allow", verdict.getString("action"), "an inactive rule no longer screens");
        assertEquals(0, verdict.getJsonArray("reasons").size(), verdict.toString());

        Api.Reply on = Api.put(rule, key(),
                "{\"type\": \"pattern\", \"value\": \"^\\\\+1900\", \"action\": \"block\", \"weight\": 90, \"active\": true}");
        assertEquals(200, on.status(), on.body());
        assertEquals("block", screened("+19005550100").getString("action"));

        TestTenant other = TestTenant.provision("Tenant API other " + UUID.randomUUID());
        Api.Reply foreign = Api.put(rule, other.apiKey(),
                "{\"type\": \"number\", \"value\": \"+1555\", \"action\": \"allow\", \"weight\": 0, \"active\": false}");
        assertEquals(404, foreign.status(), "another tenant's rule is not found: " + foreign.body());
        assertTrue(foreign.isProblem());
        assertEquals(404, Api.put("/api/v1/spam-rules/not-a-uuid", key(),
                "{\"type\": \"number\", \"value\": \"+1555\", \"action\": \"allow\", \"weight\": 0}").status());
        assertEquals("block", screened("+19005550100").getString("action"), "the other tenant changed nothing");
    }

    private JsonObject screened(String from) {
        Api.Reply reply = Api.get("/api/v1/spam-check?from=" + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8), key());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    // ------------------------------------------------------------------ departments

    @Test
    void departmentsCanBeCreatedReadReplacedAndDeleted() {
        Api.Reply created = Api.post("/api/v1/departments", key(), departmentJson("Billing", 400, 449));
        assertEquals(201, created.status(), created.body());
        String id = created.object().getString("id");
        assertTrue(created.location().endsWith("/api/v1/departments/" + id));
        assertEquals(400, created.object().getInt("extensionFrom"));

        Api.Reply read = Api.get("/api/v1/departments/" + id, key());
        assertEquals(200, read.status());
        assertEquals("Billing", read.object().getString("name"));

        Api.Reply replaced = Api.put("/api/v1/departments/" + id, key(),
                "{\"name\": \"Accounts\", \"description\": \"Invoices and refunds\", \"extensionFrom\": 400, \"extensionTo\": 499}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("Accounts", replaced.object().getString("name"));
        assertEquals(499, replaced.object().getInt("extensionTo"));
        assertEquals("Accounts", Sql.rows("select name from departments where id = ?::uuid", id).get(0).get("name"));

        assertEquals(204, Api.delete("/api/v1/departments/" + id, key()).status());
        assertEquals(404, Api.get("/api/v1/departments/" + id, key()).status());
        assertEquals(0, Sql.count("select count(*) from departments where id = ?::uuid", id));
    }

    @Test
    void departmentRulesAreEnforcedWithClearErrors() {
        long before = Sql.footprint(tenant.id()).values().stream().mapToLong(Long::longValue).sum();

        Api.Reply duplicate = Api.post("/api/v1/departments", key(), departmentJson("sales", null, null));
        assertEquals(409, duplicate.status(), "names are unique regardless of case: " + duplicate.body());
        assertEquals(List.of("name"), duplicate.problemFields());

        Api.Reply overlap = Api.post("/api/v1/departments", key(), departmentJson("Overlap", 150, 250));
        assertEquals(400, overlap.status(), overlap.body());
        assertEquals(List.of("extensions"), overlap.problemFields());

        Api.Reply halfRange = Api.post("/api/v1/departments", key(), departmentJson("Half", 700, null));
        assertEquals(400, halfRange.status());
        assertEquals(List.of("extensionTo"), halfRange.problemFields());

        Api.Reply backwards = Api.post("/api/v1/departments", key(), departmentJson("Backwards", 799, 700));
        assertEquals(400, backwards.status());
        assertEquals(List.of("extensionFrom"), backwards.problemFields());

        Api.Reply blank = Api.post("/api/v1/departments", key(), departmentJson("   ", null, null));
        assertEquals(400, blank.status());
        assertEquals(List.of("name"), blank.problemFields());

        Api.Reply noBody = Api.send("POST", "/api/v1/departments", key(), null, null);
        assertTrue(noBody.status() == 400 || noBody.status() == 415, noBody.toString());

        assertEquals(before, Sql.footprint(tenant.id()).values().stream().mapToLong(Long::longValue).sum(),
                "no refused request wrote anything");
    }

    @Test
    void aDepartmentWithAgentsOrTheReceptionCannotBeDeleted() {
        JsonObject sales = department("Sales");
        Api.Reply agent = Api.post("/api/v1/agents", key(), agentJson("Sam", "sam@example.com", sales.getString("id"), "210"));
        assertEquals(201, agent.status(), agent.body());

        Api.Reply inUse = Api.delete("/api/v1/departments/" + sales.getString("id"), key());
        assertEquals(409, inUse.status(), inUse.body());
        assertTrue(inUse.isProblem());

        Api.Reply reception = Api.delete("/api/v1/departments/" + department("Reception").getString("id"), key());
        assertEquals(409, reception.status(), reception.body());

        // narrowing the block so that an agent's extension falls outside it is refused too
        Api.Reply narrowed = Api.put("/api/v1/departments/" + sales.getString("id"), key(), departmentJson("Sales", 200, 205));
        assertEquals(400, narrowed.status(), narrowed.body());
        assertEquals(List.of("extensions"), narrowed.problemFields());
        assertEquals(299, department("Sales").getInt("extensionTo"), "unchanged");
    }

    // ------------------------------------------------------------------ agents

    @Test
    void agentsCanBeCreatedReadReplacedFilteredAndDeleted() {
        String support = department("Support").getString("id");
        Api.Reply created = Api.post("/api/v1/agents", key(), agentJson("Ada Lovelace", "Ada@Example.com", support, "301"));
        assertEquals(201, created.status(), created.body());
        JsonObject ada = created.object();
        assertEquals("ada@example.com", ada.getString("email"), "e-mail kept in lower case");
        assertEquals("not_available", ada.getString("status"));
        assertEquals("301", ada.getString("extension"));

        Api.Reply replaced = Api.put("/api/v1/agents/" + ada.getString("id"), key(),
                "{\"name\": \"Ada King\", \"email\": \"ada@example.com\", \"departmentId\": \"" + support
                        + "\", \"extension\": \"302\", \"status\": \"available\"}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("available", replaced.object().getString("status"));
        assertEquals("302", replaced.object().getString("extension"));
        assertEquals("available", Sql.rows("select status::text as s from agents where id = ?::uuid",
                ada.getString("id")).get(0).get("s"));


        {
            Api.Reply other = Api.post("/api/v1/agents", key(), agentJson("Bo", "bo@example.com", department("Sales").getString("id"), null));
            assertEquals(201, other.status(), other.body());
        }
        Set<String> inSupport = Api.get("/api/v1/agents?departmentId=" + support, key()).array().stream()
                .map(a -> a.asJsonObject().getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("Ada King"), inSupport);
        assertEquals(2, Api.get("/api/v1/agents", key()).array().size());

        assertEquals(204, Api.delete("/api/v1/agents/" + ada.getString("id"), key()).status());
        assertEquals(404, Api.get("/api/v1/agents/" + ada.getString("id"), key()).status());
    }

    @Test
    void agentRulesAreEnforcedWithClearErrors() {
        String sales = department("Sales").getString("id");
        assertEquals(201, Api.post("/api/v1/agents", key(), agentJson("First", "first@example.com", sales, "201")).status());
        long before = Sql.count("select count(*) from agents where tenant_id = ?", tenant.id());

        record Case(String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(agentJson("Dup ext", "x1@example.com", sales, "201"), 409, "extension"),
                new Case(agentJson("Dup mail", "FIRST@example.com", sales, "202"), 409, "email"),
                new Case(agentJson("Outside", "x2@example.com", sales, "305"), 400, "extension"),
                new Case(agentJson("Bad ext", "x3@example.com", sales, "01"), 400, "extension"),
                new Case(agentJson("Letters", "x4@example.com", sales, "2a1"), 400, "extension"),
                new Case(agentJson("No dept", "x5@example.com", UUID.randomUUID().toString(), "202"), 400, "departmentId"),
                new Case(agentJson("Bad dept", "x6@example.com", "not-a-uuid", "202"), 400, "departmentId"),
                new Case(agentJson("Bad mail", "nobody", sales, "203"), 400, "email"),
                new Case(agentJson("", "x7@example.com", sales, "204"), 400, "name"),
                new Case("{\"name\": \"S\", \"email\": \"x8@example.com\", \"status\": \"sleeping\"}", 400, "status"),
                new Case("{\"email\": \"x9@example.com\"}", 400, "name"));
        for (Case c : cases) {
            Api.Reply reply = Api.post("/api/v1/agents", key(), c.body());
            assertEquals(c.status(), reply.status(), c.body() + " -> " + reply.body());
            assertTrue(reply.isProblem());
            assertEquals(List.of(c.field()), reply.problemFields(), c.body() + " -> " + reply.body());
        }
        assertEquals(before, Sql.count("select count(*) from agents where tenant_id = ?", tenant.id()));
    }

    @Test
    void badKeysAndBadRequestsAreRefused() {
        for (String key : new String[] {null, "", "vck_forged", key() + "x", key().toUpperCase()}) {
            Api.Reply reply = Api.get("/api/v1/agents", key);
            assertEquals(401, reply.status(), "key " + key);
            assertTrue(reply.isProblem());
        }
        assertEquals(401, Api.send("GET", "/api/v1/agents", null, null, null).status());
        Api.Reply basic = Api.send("GET", "/api/v1/agents", null, null, null);
        assertEquals("Bearer realm=\"voicecore\"", basic.wwwAuthenticate());

        assertEquals(400, Api.post("/api/v1/agents", key(), "[1, 2").status());
        assertEquals(413, Api.post("/api/v1/agents", key(), "{\"name\": \"" + "y".repeat(66_000) + "\"}").status());
        assertEquals(415, Api.send("POST", "/api/v1/agents", key(), "name=x", "application/x-www-form-urlencoded").status());
        Api.Reply patch = Api.send("PATCH", "/api/v1/agents", key(), "{}", "application/json");
        assertEquals(405, patch.status());
        assertTrue(patch.isProblem());
        assertTrue(patch.header("Allow") != null && patch.header("Allow").contains("GET"), "Allow is kept: " + patch.headers().map());
        assertEquals(404, Api.get("/api/v1/agents/12345", key()).status());
    }

    // ------------------------------------------------------------------ isolation

    private enum Attack { GET_DEPARTMENT, PUT_DEPARTMENT, DELETE_DEPARTMENT, GET_AGENT, PUT_AGENT, DELETE_AGENT,
        AGENT_INTO_OTHER_DEPARTMENT, MOVE_AGENT_TO_OTHER_DEPARTMENT, LIST_AGENTS_OF_OTHER_DEPARTMENT }

    /** Whose id the attack names: the victim's, one nobody has, or something that is no id at all. */
    private enum Target { VICTIMS, UNKNOWN, MALFORMED }

    /** A tenant of the pool with what it owns. */
    private record Owned(TestTenant tenant, List<String> departments, List<String> agents) {
    }

    private static Owned populated(TestTenant t, String label) {
        List<String> departments = Api.get("/api/v1/departments", t.apiKey()).array().stream()
                .map(d -> d.asJsonObject().getString("id")).toList();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, Api.post("/api/v1/agents", t.apiKey(), agentJson(label + " " + i, label.toLowerCase() + i
                    + "@example.com", departments.get(i), String.valueOf(110 + 100 * i))).status());
        }
        List<String> agents = Api.get("/api/v1/agents", t.apiKey()).array().stream()
                .map(x -> x.asJsonObject().getString("id")).toList();
        return new Owned(t, departments, agents);
    }

    @Test
    @DisplayName("Property 1: Tenant Data Isolation (through the HTTP API)")
    void oneTenantsKeyNeverReachesAnotherTenantsData() {
        List<Owned> pool = List.of(populated(tenant, "Alpha"),
                populated(TestTenant.provision("Beta " + UUID.randomUUID()), "Beta"),
                populated(TestTenant.provision("Gamma " + UUID.randomUUID()), "Gamma"));
        List<String> before = pool.stream().map(o -> state(o.tenant())).toList();
        String unknownTitle = Api.get("/api/v1/agents/" + UUID.randomUUID(), key()).object().getString("title");

        Gen<Integer> index = Generate.range(0, 2);
        qt().withExamples(150).withShrinkCycles(10)
                .forAll(index, index.zip(Generate.range(1, 2), (a, shift) -> new int[] {a, (a + shift) % 3}),
                        Generate.enumValues(Attack.class), Generate.enumValues(Target.class))
                .checkAssert((i, pair, attack, target) -> {
                    Owned attacker = pool.get(pair[0]);
                    Owned victim = pool.get(pair[1]);
                    String d = switch (target) {
                        case VICTIMS -> victim.departments().get(i);
                        case UNKNOWN -> UUID.randomUUID().toString();
                        case MALFORMED -> "x" + i + "' or 1=1 --";
                    };
                    String a = switch (target) {
                        case VICTIMS -> victim.agents().get(i);
                        case UNKNOWN -> UUID.randomUUID().toString();
                        case MALFORMED -> "%2e%2e%2f" + i;
                    };
                    String key = attacker.tenant().apiKey();
                    String ownAgent = attacker.agents().get(i);
                    String encoded = java.net.URLEncoder.encode(d, java.nio.charset.StandardCharsets.UTF_8);
                    Api.Reply reply = switch (attack) {
                        case GET_DEPARTMENT -> Api.get("/api/v1/departments/" + encoded, key);
                        case PUT_DEPARTMENT -> Api.put("/api/v1/departments/" + encoded, key, departmentJson("Hijacked", null, null));
                        case DELETE_DEPARTMENT -> Api.delete("/api/v1/departments/" + encoded, key);
                        case GET_AGENT -> Api.get("/api/v1/agents/" + a, key);
                        case PUT_AGENT -> Api.put("/api/v1/agents/" + a, key, agentJson("Hijacked", "h@example.com", null, null));
                        case DELETE_AGENT -> Api.delete("/api/v1/agents/" + a, key);
                        case AGENT_INTO_OTHER_DEPARTMENT -> Api.post("/api/v1/agents", key, agentJson("Spy", "spy@example.com", d, null));
                        case MOVE_AGENT_TO_OTHER_DEPARTMENT -> Api.put("/api/v1/agents/" + ownAgent, key,
                                agentJson("Moved", "moved@example.com", d, null));
                        case LIST_AGENTS_OF_OTHER_DEPARTMENT -> Api.get("/api/v1/agents?departmentId=" + encoded, key);
                    };
                    String what = attack + " on " + target + ": " + reply;
                    switch (attack) {
                        case AGENT_INTO_OTHER_DEPARTMENT, MOVE_AGENT_TO_OTHER_DEPARTMENT -> {
                            // another tenant's department is "no such department" here
                            assertEquals(400, reply.status(), what);
                            assertEquals(List.of("departmentId"), reply.problemFields(), what);
                        }
                        case LIST_AGENTS_OF_OTHER_DEPARTMENT -> {
                            if (target == Target.MALFORMED) {
                                assertEquals(400, reply.status(), what);
                            } else {
                                assertEquals(200, reply.status(), what);
                                assertEquals(0, reply.array().size(), "nothing of another tenant is listed: " + what);
                            }
                        }
                        default -> {
                            // exactly the answer for an id that exists nowhere
                            assertEquals(404, reply.status(), what);
                            assertTrue(reply.isProblem(), what);
                            assertEquals(unknownTitle, reply.object().getString("title"), what);
                        }
                    }
                    // nobody's data changed: the refused requests wrote nothing anywhere
                    for (int t = 0; t < pool.size(); t++) {
                        assertEquals(before.get(t), state(pool.get(t).tenant()), "tenant " + t + " after " + what);
                    }
                });
    }

    /** Everything a tenant can see of itself through the API, as one comparable string. */
    private static String state(TestTenant t) {
        return Api.get("/api/v1/departments", t.apiKey()).body() + Api.get("/api/v1/agents", t.apiKey()).body();
    }
}
