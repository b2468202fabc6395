package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfer rules end to end: a rule made through the REST API routes a turn-based caller who says one
 * of its phrases to the rule's department (the department's agent is dialled, the route says which
 * rule matched); switched off, the same words get the knowledge-base answer; bad rules and another
 * tenant's ids are refused with problem+json and change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class TransferRulesIT {

    static final String INVOICE_ANSWER = "Invoices are emailed on the first day of each month.";

    static CallingTenant shop;
    static CallingTenant other;
    static String accounts;
    static JsonObject accountant;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void tenants() {
        shop = CallingTenant.open("Rules Shop", 100_000);
        other = CallingTenant.open("Rules Other", 1_000);
        Api.Reply settings = Api.put("/api/v1/settings/receptionist", shop.key(),
                "{\"greeting\": \"Thank you for calling Rules Shop.\", \"languages\": [\"en\"], \"defaultLanguage\": \"en\","
                        + " \"voice\": \"Polly.Joanna\", \"transport\": \"turn_based\"}");
        assertEquals(200, settings.status(), settings.body());
        Api.Reply department = Api.post("/api/v1/departments", shop.key(), "{\"name\": \"Accounts\"}");
        assertEquals(201, department.status(), department.body());
        accounts = department.object().getString("id");
        shop.addAgent("Sam Seller", "Sales", "201", "available");
        accountant = shop.addAgent("Alex Ledger", "Accounts", "301", "available");
        Api.Reply entry = Api.post("/api/v1/knowledge", shop.key(), "{\"question\": \"When do I get my invoice?\", \"answer\": "
                + Api.str(INVOICE_ANSWER) + ", \"keywords\": \"invoice bill\", \"category\": \"billing\", \"language\": \"en\", \"priority\": 10}");
        assertEquals(201, entry.status(), entry.body());
    }

    static CallScript caller() {
        return CallScript.from(CallingTenant.uniqueNumber()).to(shop.number());
    }

    static String rule(String name, String phrases, String target, String targetId) {
        return "{\"name\": " + Api.str(name) + ", \"phrases\": " + phrases + ", \"target\": " + Api.str(target)
                + (targetId == null ? "" : ", \"targetId\": " + Api.str(targetId)) + "}";
    }

    static List<String> receptionistSteps(SimulatedCall call) {
        return shop.call(call.sid()).getJsonArray("route").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("step").equals("receptionist")).map(s -> s.getString("detail")).toList();
    }

    @Test
    void aCallerWhoSaysARulesPhraseIsRoutedToItsDepartmentAndASwitchedOffRuleDoesNothing() {
        Api.Reply made = Api.post("/api/v1/transfer-rules", shop.key(), rule("Billing", "[\"invoice\", \"billing\"]", "department", accounts));
        assertEquals(201, made.status(), made.body());
        String id = made.object().getString("id");
        assertEquals("Accounts", made.object().getString("targetName"));
        assertTrue(made.location().endsWith("/transfer-rules/" + id), made.location());

        SimulatedCall call = shop.simulator().call(caller().say("I have a question about my invoice")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(20)));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().contains("I will connect you with Accounts."), call.toString());
        assertFalse(call.said().stream().anyMatch(s -> s.startsWith(INVOICE_ANSWER)), "the rule beats the knowledge answer: " + call);
        assertEquals("agent-" + accountant.getString("id"), call.steps(Step.Dialed.class).get(0).targets().get(0).address(), call.toString());
        assertTrue(receptionistSteps(call).stream().anyMatch(d -> d.contains("transfer rule \"Billing\" matched: Accounts")),
                receptionistSteps(call).toString());
        assertEquals(1L, Sql.count("select count(*) from conversation_turns t join calls c on c.id = t.call_id"
                + " where c.twilio_call_sid = ? and t.intent = 'rule'", call.sid()));

        // whole words only: "invoices" is another word, so the knowledge base answers
        SimulatedCall plural = shop.simulator().call(caller().say("where are my invoices").say("goodbye"));
        assertTrue(plural.steps(Step.Dialed.class).isEmpty(), plural.toString());

        Api.Reply off = Api.put("/api/v1/transfer-rules/" + id, shop.key(),
                "{\"name\": \"Billing\", \"phrases\": [\"invoice\", \"billing\"], \"target\": \"department\", \"targetId\": "
                        + Api.str(accounts) + ", \"active\": false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.object().getBoolean("active"));
        SimulatedCall after = shop.simulator().call(caller().say("I have a question about my invoice").say("no thanks, goodbye"));
        assertEquals(List.of(), after.failures(), after.toString());
        assertTrue(after.said().stream().anyMatch(s -> s.startsWith(INVOICE_ANSWER)), "switched off, the knowledge base answers: " + after);
        assertTrue(after.steps(Step.Dialed.class).isEmpty(), after.toString());
        assertFalse(receptionistSteps(after).stream().anyMatch(d -> d.contains("transfer rule")), receptionistSteps(after).toString());

        Api.Reply gone = Api.delete("/api/v1/transfer-rules/" + id, shop.key());
        assertEquals(204, gone.status(), gone.body());
        assertEquals(404, Api.get("/api/v1/transfer-rules/" + id, shop.key()).status());
    }

    @Test
    void aRuleToADepartmentsVoicemailTakesTheMessageThere() {
        String sales = shop.departmentId("Sales");
        Api.Reply made = Api.post("/api/v1/transfer-rules", shop.key(), rule("Complaints", "[\"complaint\"]", "voicemail", sales));
        assertEquals(201, made.status(), made.body());
        SimulatedCall call = shop.simulator().call(caller().say("I would like to make a complaint")
                .leaveVoicemail(Duration.ofSeconds(8), "The parcel was broken"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.steps(Step.Dialed.class).isEmpty(), call.toString());
        assertEquals(1L, Sql.count("select count(*) from voicemails v join calls c on c.id = v.call_id"
                + " where c.twilio_call_sid = ? and v.department_id = ?", call.sid(), UUID.fromString(sales)), call.toString());
        Api.delete("/api/v1/transfer-rules/" + made.object().getString("id"), shop.key());
    }

    @Test
    void badRulesAndAnotherTenantsIdsAreRefusedAndChangeNothing() {
        long before = Sql.count("select count(*) from transfer_rules where tenant_id = ?", shop.tenant().id());
        String otherDepartment = other.departmentId("Sales");
        String[] bad = {
                rule("No phrase", "[]", "department", accounts),
                rule("Blank phrase", "[\"  \"]", "department", accounts),
                rule("Too long", "[" + Api.str("x".repeat(101)) + "]", "department", accounts),
                rule("Too many", "[" + String.join(", ", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"w" + i + "\"").toList())
                        + "]", "department", accounts),
                rule("x".repeat(101), "[\"invoice\"]", "department", accounts),
                rule("Punctuation", "[\"?!\"]", "department", accounts),
                rule("Bad target", "[\"invoice\"]", "planet", accounts),
                rule("No target id", "[\"invoice\"]", "department", null),
                rule("Malformed id", "[\"invoice\"]", "department", "not-an-id"),
                rule("Unknown department", "[\"invoice\"]", "department", UUID.randomUUID().toString()),
                rule("Other tenant's department", "[\"invoice\"]", "department", otherDepartment),
                rule("Other tenant's department voicemail", "[\"invoice\"]", "voicemail", otherDepartment),
                rule("Department as agent", "[\"invoice\"]", "agent", accounts),
                rule("Operator with id", "[\"invoice\"]", "operator", accounts),
                "{\"name\": \"Order\", \"phrases\": [\"invoice\"], \"target\": \"operator\", \"position\": -1}",
                "{\"name\": ",
                ""};
        for (String body : bad) {
            Api.Reply reply = Api.post("/api/v1/transfer-rules", shop.key(), body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertEquals(before, Sql.count("select count(*) from transfer_rules where tenant_id = ?", shop.tenant().id()), "nothing stored");

        Api.Reply theirs = Api.post("/api/v1/transfer-rules", other.key(), rule("Theirs", "[\"secret\"]", "operator", null));
        assertEquals(201, theirs.status(), theirs.body());
        String theirId = theirs.object().getString("id");
        String body = rule("Mine now", "[\"invoice\"]", "operator", null);
        for (Api.Reply reply : List.of(Api.get("/api/v1/transfer-rules/" + theirId, shop.key()),
                Api.put("/api/v1/transfer-rules/" + theirId, shop.key(), body),
                Api.delete("/api/v1/transfer-rules/" + theirId, shop.key()),
                Api.get("/api/v1/transfer-rules/not-an-id", shop.key()))) {
            assertEquals(404, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
            assertFalse(reply.body().contains("secret"), reply.body());
        }
        assertFalse(Api.get("/api/v1/transfer-rules", shop.key()).body().contains("Theirs"));
        assertEquals(1L, Sql.count("select count(*) from transfer_rules where id = ? and name = 'Theirs'", UUID.fromString(theirId)),
                "their rule is untouched");
        assertEquals(401, Api.get("/api/v1/transfer-rules", null).status());
    }

    @Test
    void theOpenApiDocumentListsTheTransferRules() {
        Api.Reply doc = Api.send("GET", "/openapi", null, null, null);
        assertEquals(200, doc.status());
        JsonObject paths = doc.object().getJsonObject("paths");
        assertTrue(paths.getJsonObject("/api/v1/transfer-rules").keySet().containsAll(List.of("get", "post")), paths.keySet().toString());
        assertTrue(paths.getJsonObject("/api/v1/transfer-rules/{id}").keySet().containsAll(List.of("get", "put", "delete")),
                paths.keySet().toString());
    }
}
