package com.voicecore.it;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.it.support.AgentDesk;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.FakeTwilioLive;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.CallSimulator;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Department calls through the queue, end to end: the simulator plays the caller (and Twilio's REST
 * side, so an accepted call is really moved), the agents are Java agent clients. Server timings for
 * tests (arquillian.xml): offers ring 3 s, two missed offers make an agent not available, wrap-up 1 s,
 * one wait turn 1 s.
 */
@ExtendWith(ArquillianExtension.class)
class AgentQueueIT {

    private static final Duration SOON = Duration.ofSeconds(8);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    private static CallSimulator simulator(CallingTenant tenant) {
        TestEnvironment.twilioApi().account(tenant.accountSid(), tenant.authToken());
        return tenant.simulator().withLiveControl(new FakeTwilioLive(TestEnvironment.twilioApi()));
    }

    private static boolean is(JsonObject m, String type) {
        return type.equals(m.getString("type", ""));
    }

    @Test
    void aQueuedCallerGoesToTheLongestIdleAgentThenTheNextAndIsBridgedShowingTheCallersNumber() {
        CallingTenant tenant = CallingTenant.open("Queue Bridge", 1000);
        JsonObject ann = tenant.addAgent("Ann Queue", "Sales", "251", "not_available");
        JsonObject ben = tenant.addAgent("Ben Queue", "Sales", "252", "not_available");
        JsonObject cat = tenant.addAgent("Cat Queue", "Support", "351", "not_available");
        try (AgentClient annC = AgentDesk.connect(tenant, ann); AgentClient benC = AgentDesk.connect(tenant, ben);
             AgentClient catC = AgentDesk.connect(tenant, cat); AgentClient boss = AgentDesk.supervisor(tenant, cat)) {
            annC.setStatus("available").join();   // Ann first: the longest idle
            sleep(50);
            benC.setStatus("available").join();
            catC.setStatus("available").join();
            annC.onMessage(m -> {
                if (is(m, "offer")) {
                    annC.reject(m.getString("offerId"));
                }
            });
            benC.onMessage(m -> {
                if (is(m, "offer")) {
                    benC.accept(m.getString("offerId"));
                }
            });
            String caller = CallingTenant.uniqueNumber();
            Instant from = Instant.now().minusSeconds(1);
            SimulatedCall call = simulator(tenant).call(CallScript.from(caller).to(tenant.number())
                    .staySilent().say("I'd like to talk to sales")     // Sales, through the AI receptionist
                    .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(42)));
            assertEquals(List.of(), call.failures(), call.toString());

            // Ann was offered first and declined; Ben got it next and took it
            JsonObject annOffer = annC.await(m -> is(m, "offer"), SOON);
            assertEquals(caller, annOffer.getString("callerNumber"), "the offer shows the caller");
            assertTrue(annOffer.getString("summary", "").contains("Sales"),
                    "the offer carries the receptionist's summary so far: " + annOffer);
            assertEquals("rejected", annC.await(m -> is(m, "offer_ended"), SOON).getString("reason"));
            JsonObject benOffer = benC.await(m -> is(m, "offer"), SOON);
            assertEquals(annOffer.getString("callId"), benOffer.getString("callId"), "the same caller, re-offered");

            // the call was moved to Ben's softphone: Twilio shows the caller's own number
            Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
            assertEquals("agent-" + ben.getString("id"), dialed.targets().get(0).address(), call.toString());
            assertNull(dialed.callerId(), "no caller ID override: the agent sees the caller (Property 8)");
            assertEquals(caller, dialed.targets().get(0).parameters().get("callerNumber"));
            JsonObject record = tenant.call(call.sid());
            assertEquals(ben.getString("id"), record.getString("agentId"));
            List<String> steps = record.getJsonArray("route").stream().map(s -> s.asJsonObject().getString("step")).toList();
            assertTrue(steps.contains("queue") && steps.contains("agent"), steps.toString());

            // Ben: offered, on the call (busy), wrapping up, then available again by himself
            String benId = ben.getString("id");
            for (String activity : List.of("offered", "on_call", "wrap_up", "idle")) {
                JsonObject p = boss.await(m -> is(m, "presence") && benId.equals(m.getString("agentId"))
                        && activity.equals(m.getString("activity")), SOON);
                assertEquals(activity.equals("idle") ? "available" : activity.equals("offered") ? "available" : "busy",
                        p.getString("status"), p.toString());
            }
            // department isolation: the Sales call never reached Cat's Support socket; the supervisor saw it
            assertTrue(catC.received().stream().noneMatch(m -> is(m, "offer") || is(m, "call")
                    || (is(m, "queue") && tenant.departmentId("Sales").equals(m.getString("departmentId", "")))),
                    "Support's agent hears nothing of Sales' calls: " + catC.received());
            assertTrue(boss.received().stream().anyMatch(m -> is(m, "call") && "bridging".equals(m.getString("event", ""))));

            // metrics: Ben handled one call with Twilio's talk time; Ann missed (at least) her offer; every
            // offer but the accepted one counts as missed (a slow machine may let an offer ring out too)
            JsonObject benMetrics = metrics(tenant, from, benId);
            JsonObject annMetrics = metrics(tenant, from, ann.getString("id"));
            assertEquals(1, benMetrics.getInt("callsHandled"));
            assertEquals(42, benMetrics.getInt("talkSeconds"));
            assertEquals(1, benMetrics.getInt("wrapUpSeconds"));
            assertEquals(43, benMetrics.getInt("handleSeconds"));
            assertEquals(43.0, benMetrics.getJsonNumber("averageHandleSeconds").doubleValue(), 0.001);
            assertTrue(annMetrics.getInt("missedOffers") >= 1, annMetrics.toString());
            assertEquals(0, annMetrics.getInt("callsHandled"));
            JsonObject sales = Api.get("/api/v1/agent-metrics/departments?from=" + from, tenant.key()).array().stream()
                    .map(JsonValue::asJsonObject).filter(d -> d.getString("departmentId").equals(tenant.departmentId("Sales")))
                    .findFirst().orElseThrow();
            assertEquals(1, sales.getInt("callsHandled"));
            assertEquals(annMetrics.getInt("offers") + benMetrics.getInt("offers"), sales.getInt("offers"));
            assertEquals(sales.getInt("offers") - 1, sales.getInt("missedOffers"), "all offers but the accepted one were missed");
        }
    }

    private static JsonObject metrics(CallingTenant tenant, Instant from, String agentId) {
        return Api.get("/api/v1/agent-metrics?from=" + from + "&until=" + Instant.now().plusSeconds(5), tenant.key()).array().stream()
                .map(JsonValue::asJsonObject).filter(m -> agentId.equals(m.getString("agentId"))).findFirst().orElseThrow();
    }

    @Test
    void anUnansweredOfferRingsOutIsOfferedAgainAndTwoMissesSetTheAgentNotAvailable() {
        CallingTenant tenant = CallingTenant.open("Queue Ring Out", 1000);
        JsonObject dan = tenant.addAgent("Dan Dozing", "Support", "352", "not_available");
        try (AgentClient danC = AgentDesk.connect(tenant, dan)) {
            danC.setStatus("available").join();
            SimulatedCall call = simulator(tenant).call(CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number())
                    .staySilent().say("Support please")                            // Support
                    .leaveVoicemail(Duration.ofSeconds(6), "Nobody answered"));
            assertEquals(List.of(), call.failures(), call.toString());
            JsonObject first = danC.await(m -> is(m, "offer"), SOON);
            assertEquals("timeout", danC.await(m -> is(m, "offer_ended"), SOON).getString("reason"));
            JsonObject second = danC.await(m -> is(m, "offer"), SOON);
            assertEquals(first.getString("callId"), second.getString("callId"), "offered again after ringing out");
            JsonObject away = danC.await(m -> is(m, "presence") && "missed_offers".equals(m.getString("reason", "")), SOON);
            assertEquals("not_available", away.getString("status"));
            // with nobody left logged in, the caller reached Support's voicemail
            assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());
            assertTrue(Api.get("/api/v1/departments/" + tenant.departmentId("Support") + "/voicemails", tenant.key()).array()
                    .stream().map(JsonValue::asJsonObject).anyMatch(v -> v.getString("transcription").equals("Nobody answered")));
            assertEquals("voicemail", entryState(call.sid()));
        }
    }

    @Test
    void aWaitingCallerCanLeaveAMessageAndOneWhoHangsUpIsCountedAbandoned() {
        CallingTenant tenant = CallingTenant.open("Queue Exits", 1000);
        JsonObject eve = tenant.addAgent("Eve Busy", "Support", "353", "not_available");
        try (AgentClient eveC = AgentDesk.connect(tenant, eve)) {
            eveC.setStatus("busy").join(); // logged in, but taking no calls: callers wait
            SimulatedCall message = simulator(tenant).call(CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number())
                    .staySilent().say("Support please").pressDigits("1")
                    .leaveVoicemail(Duration.ofSeconds(7), "Call me back"));
            assertEquals(List.of(), message.failures(), message.toString());
            assertTrue(message.said().stream().anyMatch(s -> s.startsWith("You are caller number 1.")), message.toString());
            assertTrue(message.said().stream().anyMatch(s -> s.contains("press 1")), message.toString());
            assertEquals(1, message.steps(Step.Recorded.class).size());
            assertEquals("voicemail", entryState(message.sid()));

            SimulatedCall gone = simulator(tenant).call(CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number())
                    .staySilent().say("Support please").hangUpAfter(Duration.ofSeconds(40)));
            assertEquals(List.of(), gone.failures(), gone.toString());
            assertEquals("abandoned", entryState(gone.sid()));
            JsonObject abandoned = eveC.await(m -> is(m, "call") && "abandoned".equals(m.getString("event", "")), SOON);
            assertEquals(tenant.departmentId("Support"), abandoned.getString("departmentId"));
        }
    }

    @Test
    void aSpanishCallerWaitsInSpanish() {
        CallingTenant tenant = CallingTenant.open("Queue Spanish", 1000);
        Api.Reply settings = Api.put("/api/v1/settings/receptionist", tenant.key(), "{\"greeting\": \"Thank you for calling.\","
                + " \"languages\": [\"en\", \"es\"], \"defaultLanguage\": \"en\", \"voice\": \"Polly.Joanna\", \"transport\": \"turn_based\"}");
        assertEquals(200, settings.status(), settings.body());
        JsonObject fay = tenant.addAgent("Fay Busy", "Support", "354", "not_available");
        try (AgentClient fayC = AgentDesk.connect(tenant, fay)) {
            fayC.setStatus("busy").join(); // logged in but taking no calls: the caller waits
            SimulatedCall call = simulator(tenant).call(CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number())
                    .staySilent().say("Hola, buenos días, quisiera hablar con Support, por favor").pressDigits("1")
                    .leaveVoicemail(Duration.ofSeconds(7), "Llámenme"));
            assertEquals(List.of(), call.failures(), call.toString());
            assertEquals("voicemail", entryState(call.sid()), call.toString());
            List<Step.Said> waiting = call.steps(Step.Said.class).stream()
                    .filter(s -> s.text().contains("1") || s.text().contains("ocupados")).toList();
            assertTrue(call.said().contains("Todos nuestros agentes están ocupados. Por favor, no cuelgue."), call.toString());
            assertTrue(call.said().contains("Es usted la llamada número 1. El tiempo de espera estimado es de un minuto.")
                    || call.said().stream().anyMatch(t -> t.startsWith("Es usted la llamada número 1.")), call.toString());
            assertTrue(call.said().contains("Para dejar un mensaje, pulse 1 en cualquier momento."), call.toString());
            for (Step.Said s : waiting) {
                assertEquals("es-ES", s.language(), s.toString());
            }
        }
    }

    private static String entryState(String callSid) {
        return (String) Sql.rows("select state from queue_entries where call_sid = ?", callSid).get(0).get("state");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
