package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The seed's call properties over generated calls, each placed through the local call simulator
 * against the deployed server: what Twilio would see, and what the API then reports.
 */
@ExtendWith(ArquillianExtension.class)
class CallPropertiesIT {

    static final int EXAMPLES = 100;
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    static CallingTenant tenant;
    static List<JsonObject> agents = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void callCentre() {
        tenant = CallingTenant.open("Property Calls", 1_000_000);
        String[][] staff = {{"Rita Reception", "Reception", "101", "available"}, {"Sam Sales", "Sales", "201", "available"},
                {"Sue Sales", "Sales", "202", "busy"}, {"Tom Support", "Support", "301", "available"},
                {"Tina Support", "Support", "302", "not_available"}};
        for (String[] s : staff) {
            agents.add(tenant.addAgent(s[0], s[1], s[2], s[3]));
        }
        Api.Reply block = Api.post("/api/v1/spam-rules", tenant.key(),
                "{\"type\": \"number\", \"value\": \"+1900*\", \"action\": \"block\", \"weight\": 80, \"description\": \"premium-rate prefix\"}");
        assertEquals(201, block.status(), block.body());
        Api.Reply challenge = Api.post("/api/v1/spam-rules", tenant.key(),
                "{\"type\": \"number\", \"value\": \"+1888*\", \"action\": \"challenge\", \"weight\": 30, \"description\": \"toll-free spoofers\"}");
        assertEquals(201, challenge.status(), challenge.body());
    }

    /** A number nobody has called from before (velocity stays low), in a country other than the tenant's. */
    private static String freshCaller(String prefix) {
        return prefix + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
    }

    @Test
    @DisplayName("Property 7: Spam Detection and Action")
    void spamDetectionAndAction() {
        Gen<Integer> kind = integers().between(0, 2);
        Gen<String> stir = Generate.pick(List.of("", "TN-Validation-Passed-A", "TN-Validation-Passed-B"));
        qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(kind, stir).checkAssert((k, attestation) -> {
            String caller = freshCaller(k == 0 ? "+1900" : k == 1 ? "+1888" : "+1650");
            CallScript script = CallScript.from(caller).to(tenant.number());
            if (!attestation.isEmpty()) {
                script = script.stirVerstat(attestation);
            }
            SimulatedCall call = tenant.simulator().call(script.staySilent().staySilent().staySilent());
            assertEquals(List.of(), call.failures(), call.toString());
            JsonObject spam = tenant.call(call.sid()).getJsonObject("spam");
            boolean rejected = !call.steps(Step.Rejected.class).isEmpty();
            boolean challenged = call.said().stream().anyMatch(s -> s.startsWith("To be connected, please press"));
            if (k == 0) {
                assertTrue(rejected, "a blocked number is rejected: " + call);
                assertEquals("block", spam.getString("action"));
                assertTrue(spam.getJsonArray("reasons").toString().contains("+1900*"), spam.toString());
            } else if (k == 1 && !attestation.endsWith("-A")) {
                assertFalse(rejected);
                assertTrue(challenged, "a challenge rule asks for a digit: " + call);
                assertEquals("challenge", spam.getString("action"));
            } else {
                assertFalse(rejected, call.toString());
                assertFalse(challenged, "clean and A-attested callers are not challenged: " + call);
                assertTrue(call.said().stream().anyMatch(s -> s.contains("extension")), "they reach the greeting: " + call);
            }
            assertTrue(spam.getInt("score") >= 0 && spam.getInt("score") <= 100);
        });
    }

    @Test
    @DisplayName("Property 8: Call Routing Preservation")
    void callRoutingPreservation() {
        // by extension, through the AI receptionist, and to the operator: every transfer shows the caller's own number
        Gen<Integer> route = integers().between(0, 2);
        qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(route).checkAssert(r -> {
            String caller = freshCaller("+1650");
            CallScript script = CallScript.from(caller).to(tenant.number());
            script = switch (r) {
                case 0 -> script.pressDigits("301");
                case 1 -> script.say("I'd like to talk to sales");
                default -> script.pressDigits("0");
            };
            SimulatedCall call = tenant.simulator().call(script.whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(30)));
            List<Step.Dialed> dials = call.steps(Step.Dialed.class);
            assertFalse(dials.isEmpty(), call.toString());
            for (Step.Dialed dial : dials) {
                assertNull(dial.callerId(), "no caller ID override, so Twilio shows the original caller: " + call);
                dial.targets().stream().filter(t -> t.kind() == Step.DialTarget.Kind.CLIENT)
                        .forEach(t -> assertEquals(caller, t.parameters().get("callerNumber"), "the agent gets it as data too"));
            }
            assertEquals(caller, tenant.call(call.sid()).getString("from"));
        });
    }

    @Test
    @DisplayName("Property 9: Extension Routing")
    void extensionRouting() {
        Gen<Integer> pick = integers().between(0, agents.size());
        qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(pick).checkAssert(i -> {
            boolean known = i < agents.size();
            String extension = known ? agents.get(i).getString("extension") : "4" + (10 + i);
            SimulatedCall call = tenant.simulator().call(CallScript.from(freshCaller("+1650")).to(tenant.number())
                    .pressDigits(extension + "#").staySilent().staySilent()
                    .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(20)));
            assertEquals(List.of(), call.failures(), call.toString());
            JsonObject record = tenant.call(call.sid());
            List<String> steps = record.getJsonArray("route").stream().map(s -> s.asJsonObject().getString("step")).toList();
            if (!known) {
                assertTrue(steps.contains("receptionist"), "an unknown extension goes on to the receptionist: " + steps);
                return;
            }
            JsonObject agent = agents.get(i);
            assertFalse(steps.contains("receptionist"), "a dialled extension never reaches the receptionist: " + steps);
            assertEquals(agent.getString("id"), record.getString("agentId"), call.toString());
            if (agent.getString("status").equals("available")) {
                assertEquals("agent-" + agent.getString("id"), call.steps(Step.Dialed.class).get(0).targets().get(0).address());
            } else {
                assertTrue(call.steps(Step.Dialed.class).isEmpty(), "an unavailable agent is not rung");
                assertTrue(call.said().stream().anyMatch(s -> s.startsWith(agent.getString("name") + " cannot take your call")),
                        "the caller reaches that agent's voicemail: " + call);
            }
        });
    }

    @Test
    @DisplayName("Property 11: Call Activity Logging")
    void callActivityLogging() {
        Gen<Integer> outcome = integers().between(0, 2);
        Gen<Integer> seconds = integers().between(1, 400);
        qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(outcome, seconds).checkAssert((o, s) -> {
            String caller = freshCaller("+1650");
            CallScript script = CallScript.from(caller).to(tenant.number()).pressDigits("201");
            script = switch (o) {
                case 0 -> script.whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(s));
                case 1 -> script.whenDialed(DialOutcome.NO_ANSWER).leaveVoicemail(Duration.ofSeconds(s), "message " + s);
                default -> script.whenDialed(DialOutcome.BUSY).leaveVoicemail(Duration.ofSeconds(s), "busy " + s);
            };
            SimulatedCall call = tenant.simulator().call(script);
            assertEquals(List.of(), call.failures(), call.toString());
            JsonObject record = tenant.call(call.sid());
            assertEquals(caller, record.getString("from"));
            assertEquals(tenant.number(), record.getString("to"));
            assertEquals("inbound", record.getString("direction"));
            assertEquals(call.finalStatus(), record.getString("status").replace('_', '-'));
            assertEquals(CallingTenant.reportedSeconds(call), record.getInt("durationSeconds"), call.toString());
            assertEquals(agents.get(1).getString("id"), record.getString("agentId"));
            assertEquals(tenant.departmentId("Sales"), record.getString("departmentId"));
            assertTrue(record.containsKey("startedAt") && record.containsKey("endedAt") && !record.isNull("endedAt"));
            assertTrue(record.getJsonArray("route").size() >= 5, record.toString());
            List<JsonObject> history = record.getJsonArray("statusHistory").stream().map(JsonValue::asJsonObject).toList();
            assertEquals(call.statusCallbacks().size(), history.size(), "every status callback is in the history");
            assertTrue(history.stream().allMatch(h -> h.containsKey("sequenceNumber") && !h.isNull("sequenceNumber")));
            assertEquals((CallingTenant.reportedSeconds(call) + 59) / 60, record.getInt("creditsUsed"));
            if (o != 0) {
                String recording = call.steps(Step.Recorded.class).isEmpty() ? null : "recorded";
                assertTrue(recording != null, call.toString());
                boolean kept = Api.get("/api/v1/departments/" + tenant.departmentId("Sales") + "/voicemails", tenant.key()).array().stream()
                        .map(JsonValue::asJsonObject).anyMatch(v -> v.getString("callId").equals(record.getString("id"))
                                && v.getInt("durationSeconds") == Math.min(s, 120));
                assertTrue(kept, "the voicemail is kept with the call, at most the tenant's 120 s long");
            }
        });
    }

    @Test
    @DisplayName("Property 15: Credit System Enforcement")
    void creditSystemEnforcement() {
        Gen<Integer> included = integers().between(0, 6);
        Gen<List<Integer>> calls = Generate.intArrays(integers().between(1, 4), integers().between(0, 200))
                .map(a -> java.util.Arrays.stream(a).boxed().toList());
        qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(included, calls).checkAssert((minutes, durations) -> {
            CallingTenant metered = CallingTenant.open("Metered " + SERIAL.incrementAndGet(), minutes);
            metered.addAgent("Meter Agent", "Support", "301", "available");
            long used = 0;
            for (int talk : durations) {
                boolean exhausted = used >= minutes;
                SimulatedCall call = metered.simulator().call(CallScript.from(freshCaller("+1650")).to(metered.number())
                        .pressDigits("301").whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(talk))
                        .leaveVoicemail(Duration.ofSeconds(5), "no credits"));
                assertEquals(List.of(), call.failures(), call.toString());
                JsonObject record = metered.call(call.sid());
                String credits = record.getJsonArray("route").getJsonObject(0).getString("detail");
                if (exhausted) {
                    assertTrue(credits.startsWith("no minutes left"), "the plan's degradation applies at the limit: " + credits);
                    assertTrue(call.steps(Step.Dialed.class).isEmpty(), "voicemail only: nobody is rung");
                    assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());
                } else {
                    assertFalse(call.steps(Step.Dialed.class).isEmpty(), call.toString());
                }
                used += (CallingTenant.reportedSeconds(call) + 59) / 60;
                JsonObject usage = metered.usage();
                assertEquals(used, usage.getJsonNumber("usedMinutes").longValue(), "every started minute, once: " + usage);
                assertEquals(Math.max(0, minutes - used), usage.getJsonNumber("remainingMinutes").longValue());
            }
            JsonObject usage = metered.usage();
            List<String> kinds = usage.getJsonArray("notifications").stream().map(n -> n.asJsonObject().getString("kind")).toList();
            long finalUsed = used;
            for (int threshold : List.of(80, 100)) {
                boolean reached = finalUsed > 0 && finalUsed * 100 >= (long) minutes * threshold;
                assertEquals(reached ? 1 : 0, kinds.stream().filter(("credits_" + threshold)::equals).count(),
                        threshold + " % notified once when reached: " + usage);
            }
            assertEquals(finalUsed >= minutes, usage.getBoolean("exhausted"));
        });
    }
}
