package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.CallSimulator;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.Exchange;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import com.voicecore.simulator.TwilioSignature;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The call path end to end, driven by the local call simulator playing Twilio: signatures, the
 * AI receptionist, voicemail, callbacks replayed out of order, the fallback after a failure, and what
 * is never stored.
 */
@ExtendWith(ArquillianExtension.class)
class CallPathIT {

    static CallingTenant acme;
    static CallingTenant other;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void tenants() {
        acme = CallingTenant.open("Acme Calls", 1000);
        other = CallingTenant.open("Other Calls", 1000);
    }

    @Test
    void unsignedOrWronglySignedWebhooksAre403AndChangeNothing() {
        String before = Api.get("/api/v1/calls", acme.key()).object().get("total").toString();
        for (CallSimulator.Signing signing : List.of(CallSimulator.Signing.NONE, CallSimulator.Signing.WRONG_TOKEN)) {
            SimulatedCall call = acme.simulator().withSigning(signing).call(CallScript.from("+14155550100").to(acme.number()));
            assertEquals(403, call.requests().get(0).status(), call.toString());
        }
        // another tenant's valid token for this tenant's number
        SimulatedCall foreign = new CallSimulator(URI.create(Api.url("")), acme.accountSid(), other.authToken())
                .call(CallScript.from("+14155550101").to(acme.number()));
        assertEquals(403, foreign.requests().get(0).status());
        // the right token but another tenant's account SID
        SimulatedCall wrongAccount = new CallSimulator(URI.create(Api.url("")), other.accountSid(), acme.authToken())
                .call(CallScript.from("+14155550102").to(acme.number()));
        assertEquals(403, wrongAccount.requests().get(0).status());
        assertEquals(before, Api.get("/api/v1/calls", acme.key()).object().get("total").toString(), "no call was recorded");
    }

    @Test
    void theReceptionistSendsACallerAskingForADepartmentToItsLongestIdleAgentShowingTheCallersNumber() {
        JsonObject first = acme.addAgent("Menu First", "Sales", "210", "available");
        acme.addAgent("Menu Second", "Sales", "211", "available");
        String caller = CallingTenant.uniqueNumber();
        SimulatedCall call = acme.simulator().call(CallScript.from(caller).to(acme.number())
                .say("I'd like to talk to sales")   // answered at the greeting: the AI receptionist hands over
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(75)));
        assertEquals(List.of(), call.failures(), call.toString());
        Step.Dialed dialed = call.steps(Step.Dialed.class).get(0);
        assertNull(dialed.callerId(), "no caller ID override: the agent sees the caller");
        assertEquals("agent-" + first.getString("id"), dialed.targets().get(0).address(), call.toString());
        assertEquals(caller, dialed.targets().get(0).parameters().get("callerNumber"));

        JsonObject record = acme.call(call.sid());
        assertEquals("completed", record.getString("status"));
        assertEquals(first.getString("id"), record.getString("agentId"));
        assertEquals(acme.departmentId("Sales"), record.getString("departmentId"));
        List<String> steps = record.getJsonArray("route").stream().map(s -> s.asJsonObject().getString("step")).toList();
        assertTrue(steps.containsAll(List.of("credits", "spam", "hours", "greeting", "receptionist", "department", "agent", "ended")),
                steps.toString());
        assertEquals(CallingTenant.reportedSeconds(call), record.getInt("durationSeconds"));
        assertEquals((CallingTenant.reportedSeconds(call) + 59) / 60, record.getInt("creditsUsed"));
    }

    @Test
    void closedHoursLeadToTheReceptionVoicemailSeenOnlyInThatDepartment() {
        CallingTenant closed = CallingTenant.open("Closed Calls", 100);
        closed.emergency("closed");
        SimulatedCall call = closed.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(closed.number())
                .leaveVoicemail(Duration.ofSeconds(14), "Please call me back about my order"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());

        List<JsonObject> reception = voicemails(closed, "Reception");
        assertEquals(1, reception.size());
        assertEquals(14, reception.get(0).getInt("durationSeconds"));
        assertEquals("Please call me back about my order", reception.get(0).getString("transcription"));
        assertEquals(List.of(), voicemails(closed, "Sales"), "another department sees none of it");
        assertEquals(404, Api.get("/api/v1/departments/" + closed.departmentId("Reception") + "/voicemails", acme.key()).status(),
                "another tenant cannot even name the department");
    }

    @Test
    void aDepartmentWithoutAvailableAgentsTakesAMessage() {
        CallingTenant quiet = CallingTenant.open("Quiet Calls", 100);
        quiet.addAgent("Away Agent", "Support", "310", "not_available");
        SimulatedCall call = quiet.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(quiet.number())
                .say("Support please")
                .leaveVoicemail(Duration.ofSeconds(8), "Support please"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.steps(Step.Dialed.class).isEmpty(), "nobody to ring");
        assertEquals(1, voicemails(quiet, "Support").size());
    }

    @Test
    void statusCallbacksReplayedInAnyOrderLeaveTheSameCallAndBillItOnce() {
        acme.addAgent("Replay Agent", "Support", "320", "available");
        SimulatedCall call = acme.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(acme.number())
                .pressDigits("320").whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(130)));
        JsonObject settled = acme.call(call.sid());
        long usedBefore = acme.usage().getJsonNumber("usedMinutes").longValue();
        for (CallSimulator.Replay order : CallSimulator.Replay.values()) {
            List<Exchange> replies = acme.simulator().replayStatusCallbacks(call, order, 2);
            assertTrue(replies.stream().allMatch(e -> e.status() == 200), replies.toString());
        }
        JsonObject replayed = acme.call(call.sid());
        assertEquals(settled.getString("status"), replayed.getString("status"));
        assertEquals(settled.getInt("durationSeconds"), replayed.getInt("durationSeconds"));
        assertEquals(settled.getString("endedAt"), replayed.getString("endedAt"));
        assertEquals(settled.getJsonArray("statusHistory"), replayed.getJsonArray("statusHistory"));
        assertEquals(settled.getJsonArray("route"), replayed.getJsonArray("route"));
        assertEquals(usedBefore, acme.usage().getJsonNumber("usedMinutes").longValue(), "billed once");
    }

    @Test
    void aRetriedWebhookGetsTheFirstAnswerAgainAndChangesNothing() throws Exception {
        CallingTenant retried = CallingTenant.open("Retried Calls", 100);
        Api.Reply rule = Api.post("/api/v1/spam-rules", retried.key(),
                "{\"type\": \"number\", \"value\": \"+1888*\", \"action\": \"challenge\", \"weight\": 30}");
        assertEquals(201, rule.status(), rule.body());
        SimulatedCall call = retried.simulator().call(CallScript.from("+18885550100").to(retried.number())
                .pressDigits("0").pressDigits("0").withoutLocation());   // a wrong challenge digit, then a retry
        JsonObject before = retried.call(call.sid());
        List<Exchange> twiml = call.requests(Exchange.Kind.TWIML);
        assertTrue(twiml.size() >= 3, call.toString());
        for (Exchange original : twiml) {
            HttpRequest.Builder request = HttpRequest.newBuilder(original.url())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("I-Twilio-Idempotency-Token", original.idempotencyToken())
                    .header(TwilioSignature.HEADER, original.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(form(original.parameters())));
            HttpResponse<String> again = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(original.body(), again.body(), "the same answer for " + original.url());
        }
        JsonObject after = retried.call(call.sid());
        assertEquals(before.getJsonArray("route"), after.getJsonArray("route"), "nothing ran twice");
        assertEquals(before.getString("status"), after.getString("status"));
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void recordedCallsAreAnnouncedAndTheRecordingIsKeptOnTheCall() {
        CallingTenant recorder = CallingTenant.open("Recorded Calls", 100);
        Api.Reply on = Api.put("/api/v1/settings/telephony", recorder.key(),
                "{\"accountSid\": " + Api.str(recorder.accountSid()) + ", \"recordCalls\": true}");
        assertEquals(200, on.status(), on.body());
        assertTrue(on.object().getBoolean("recordCalls"));
        recorder.addAgent("Recorded Agent", "Sales", "230", "available");
        SimulatedCall call = recorder.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(recorder.number())
                .pressDigits("230").whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(40)));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().stream().anyMatch(s -> s.contains("may be recorded")), "announced: " + call);
        assertTrue(call.steps(Step.Dialed.class).get(0).recorded(), call.toString());
        JsonObject recording = recorder.call(call.sid()).getJsonObject("recording");
        assertTrue(recording != null && recording.getString("sid").startsWith("RE"), recorder.call(call.sid()).toString());
    }

    @Test
    void aFailureInsideBecomesAnApologyAndTheTenantsFallbackNumber() throws Exception {
        CallingTenant careful = CallingTenant.open("Careful Calls", 100);
        String fallback = CallingTenant.uniqueNumber();
        assertEquals(200, Api.put("/api/v1/settings/telephony", careful.key(), "{\"accountSid\": " + Api.str(careful.accountSid())
                + ", \"fallbackNumber\": " + Api.str(fallback) + "}").status());
        SimulatedCall call = careful.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(careful.number()).staySilent().staySilent());
        // Twilio posts a challenge answer for a call that was never challenged: the call path refuses it
        String url = Api.url("/twilio/voice/t/" + careful.tenant().id() + "/challenge");
        Map<String, String> params = new TreeMap<>(Map.of("CallSid", call.sid(), "AccountSid", careful.accountSid(),
                "From", call.from(), "To", careful.number(), "Digits", "5", "CallStatus", "in-progress"));
        HttpResponse<String> response = postSigned(url, params, careful.authToken());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertTrue(response.body().contains("<Say"), response.body());
        assertTrue(response.body().contains("<Number>" + fallback + "</Number>"), response.body());
        assertFalse(response.body().contains("callerId"), "the fallback also shows the caller's number");
    }

    @Test
    void aSuspendedTenantsCallsAreRejectedUnansweredAndUnbilled() throws Exception {
        CallingTenant paused = CallingTenant.open("Paused Calls", 100);
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update tenants set status = 'suspended' where id = ?")) {
            ps.setObject(1, paused.tenant().id());
            assertEquals(1, ps.executeUpdate());
        }
        SimulatedCall call = paused.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(paused.number()));
        assertEquals(List.of(), call.failures(), call.toString());
        assertEquals(1, call.steps(Step.Rejected.class).size(), "not answered: " + call);
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from calls where tenant_id = ?"
                     + " and (credits_used > 0 or route::text like '%greeting%')")) {
            ps.setObject(1, paused.tenant().id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "not routed, not billed");
            }
        }
    }

    @Test
    void callersLocationIsNeverStored() throws Exception {
        SimulatedCall call = acme.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(acme.number())
                .staySilent().staySilent().staySilent());
        assertTrue(call.requests().get(0).parameters().containsKey("FromCity"), "the simulator sends them, as Twilio does");
        try (Connection c = TestEnvironment.database().superuserDataSource().getConnection();
             // the zip as a word of its own: as a bare substring it also turns up inside random SIDs and UUIDs
             PreparedStatement ps = c.prepareStatement("select (select count(*) from calls x where x::text ilike '%SAN FRANCISCO%' or x::text ~ '\\m94105\\M')"
                     + " + (select count(*) from call_events e where e::text ilike '%SAN FRANCISCO%' or e::text ~ '\\m94105\\M')")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @Test
    void aPathologicalPatternRuleCannotHangScreeningAndABrokenOneIsRefused() {
        CallingTenant careful = CallingTenant.open("Regex Calls", 100);
        Api.Reply broken = Api.post("/api/v1/spam-rules", careful.key(),
                "{\"type\": \"pattern\", \"value\": \"(+\", \"action\": \"block\", \"weight\": 50}");
        assertEquals(400, broken.status(), broken.body());
        assertEquals(List.of("value"), broken.problemFields());
        Api.Reply evil = Api.post("/api/v1/spam-rules", careful.key(),
                "{\"type\": \"pattern\", \"value\": \"^(\\\\d+)+$x|(\\\\d|\\\\d\\\\d)+z\", \"action\": \"block\", \"weight\": 50}");
        assertEquals(201, evil.status(), evil.body());
        long started = System.nanoTime();
        SimulatedCall call = careful.simulator().call(CallScript.from("+1" + "9".repeat(14)).to(careful.number()).staySilent());
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "screening finished");
    }

    @Test
    void aLiveCallIsTransferredThroughTwiliosRestApiWithRetriesAndTheNumberSeesTheCaller() throws Exception {
        CallingTenant mover = CallingTenant.open("Transfer Calls", 100);
        var twilio = TestEnvironment.twilioApi().account(mover.accountSid(), mover.authToken(), mover.number());
        String caller = CallingTenant.uniqueNumber();
        var live = twilio.liveCall(mover.accountSid(), caller, mover.number());
        String incoming = Api.url("/twilio/voice/incoming");
        Map<String, String> params = new TreeMap<>(Map.of("CallSid", live.sid(), "AccountSid", mover.accountSid(),
                "From", caller, "To", mover.number(), "CallStatus", "ringing", "Direction", "inbound"));
        assertEquals(200, postSigned(incoming, params, mover.authToken()).statusCode());
        String callId = mover.call(live.sid()).getString("id");
        String target = CallingTenant.uniqueNumber();

        // one Twilio hiccup: the adapter's retry carries the transfer through
        twilio.failNext(1, 503);
        int before = twilio.requests().size();
        Api.Reply moved = Api.post("/api/v1/calls/" + callId + "/transfer", mover.key(), "{\"to\": " + Api.str(target) + "}");
        assertEquals(202, moved.status(), moved.body());
        assertEquals(2, twilio.requests().size() - before, "retried once after the 503");
        String url = twilio.lastRequest().param("Url");
        assertTrue(url.startsWith(Api.url("/twilio/voice/t/" + mover.tenant().id() + "/transfer")), url);

        // Twilio fetches the new TwiML: the number is dialled with the caller's own ID
        Map<String, String> fetch = new TreeMap<>(params);
        fetch.put("CallStatus", "in-progress");
        HttpResponse<String> twiml = postSigned(url, fetch, mover.authToken());
        assertTrue(twiml.body().contains("<Number>" + target + "</Number>"), twiml.body());
        assertFalse(twiml.body().contains("callerId"), twiml.body());
        assertTrue(mover.call(live.sid()).getJsonArray("route").toString().contains("to " + target));

        // Twilio down for good: a clear 502, and the call is not marked transferred again
        twilio.failNext(20, 503);
        Api.Reply down = Api.post("/api/v1/calls/" + callId + "/transfer", mover.key(), "{\"to\": " + Api.str(target) + "}");
        assertEquals(502, down.status(), down.body());
        assertTrue(down.isProblem());
        twilio.reset();
        long transfers = mover.call(live.sid()).getJsonArray("route").stream()
                .filter(step -> step.asJsonObject().getString("step").equals("transfer")).count();
        assertEquals(1, transfers);
        assertEquals(404, Api.post("/api/v1/calls/" + callId + "/transfer", acme.key(), "{\"to\": " + Api.str(target) + "}").status(),
                "another tenant cannot move this call");
    }

    private static List<JsonObject> voicemails(CallingTenant tenant, String department) {
        Api.Reply reply = Api.get("/api/v1/departments/" + tenant.departmentId(department) + "/voicemails", tenant.key());
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(JsonValue::asJsonObject).toList();
    }

    private static HttpResponse<String> postSigned(String url, Map<String, String> params, String token) throws Exception {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, new TwilioSignature(token).sign(url, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
