package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.Exchange;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import com.voicecore.simulator.TwilioSignature;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AI receptionist on the turn-based transport, end to end: calls placed with the local call
 * simulator (Twilio-exact signed webhooks, TwiML followed) against the deployed EAR, then checked
 * through the REST API. The properties' generated examples run at the policy and repository level
 * (ConversationPolicyPropertyTest, KnowledgeSearchPropertyTest); here a handful of real calls show
 * the same rules hold through webhooks, TwiML, transactions and the database.
 */
@ExtendWith(ArquillianExtension.class)
class AiReceptionistIT {

    static final String HOURS = "We are open Monday to Friday from 9 am to 5 pm.";
    static final String PARKING = "Yes, there is free parking behind the building.";
    static final String PRICE = "A professional cleaning costs 80 dollars.";
    static final String HORARIO = "Abrimos de lunes a viernes de 9 a 17 horas.";
    static final String NOT_HEARD = "Sorry, I did not catch that. Could you say it again?";
    static final String NO_ANSWER = "I am sorry, I do not have an answer to that. Could you put it another way, or ask for a department?";
    static final String CUSTOMER_SERVICE = "Let me connect you with our customer service.";

    static CallingTenant dental;
    static CallingTenant other;
    static JsonObject hoursEntry;
    static JsonObject receptionAgent;
    static JsonObject salesAgent;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void tenants() {
        dental = CallingTenant.open("AI Dental", 100_000);
        other = CallingTenant.open("AI Other", 1_000);
        Api.Reply settings = Api.put("/api/v1/settings/receptionist", dental.key(),
                "{\"greeting\": \"Thank you for calling AI Dental. How can I help you today?\", \"languages\": [\"en\", \"es\"],"
                        + " \"defaultLanguage\": \"en\", \"voice\": \"Polly.Joanna\", \"transport\": \"turn_based\"}");
        assertEquals(200, settings.status(), settings.body());
        hoursEntry = entry(dental, "What are your opening hours?", HOURS, "open time today", "hours", "en", 20);
        entry(dental, "Do you have parking?", PARKING, "car", "visit", "en", 10);
        entry(dental, "How much does a cleaning cost?", PRICE, "price fee", "billing", "en", 10);
        entry(dental, "¿Cuál es su horario de apertura?", HORARIO, "abren hora", "hours", "es", 10);
        receptionAgent = dental.addAgent("Rita Reception", "Reception", "101", "available");
        salesAgent = dental.addAgent("Sam Seller", "Sales", "201", "available");
    }

    static JsonObject entry(CallingTenant tenant, String question, String answer, String keywords, String category,
                            String language, int priority) {
        Api.Reply reply = Api.post("/api/v1/knowledge", tenant.key(), "{\"question\": " + Api.str(question) + ", \"answer\": "
                + Api.str(answer) + ", \"keywords\": " + Api.str(keywords) + ", \"category\": " + Api.str(category)
                + ", \"language\": " + Api.str(language) + ", \"priority\": " + priority + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.object();
    }

    static CallScript caller(CallingTenant tenant) {
        return CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number());
    }

    static JsonObject transcript(CallingTenant tenant, SimulatedCall call) {
        String id = tenant.call(call.sid()).getString("id");
        Api.Reply reply = Api.get("/api/v1/calls/" + id + "/transcript", tenant.key());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    static List<String> routeDetails(CallingTenant tenant, SimulatedCall call, String step) {
        return tenant.call(call.sid()).getJsonArray("route").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("step").equals(step)).map(s -> s.getString("detail")).toList();
    }

    // ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("Property 14: AI Training Integration")
    void configuredAnswersAreGivenForRelatedQuestionsInOtherWords() {
        Map<String, String> asked = Map.of(
                "Hi, when are you open?", HOURS,
                "can I park my car there", PARKING,
                "what is the price of a cleaning", PRICE,
                "until what time are you open today please", HOURS);
        asked.forEach((words, answer) -> {
            SimulatedCall call = dental.simulator().call(caller(dental).say(words).say("no thanks, goodbye"));
            assertEquals(List.of(), call.failures(), call.toString());
            assertTrue(call.said().stream().anyMatch(s -> s.startsWith(answer)), "'" + words + "' is answered with '" + answer + "': " + call);
            assertEquals("Thank you for calling. Goodbye.", call.said().get(call.said().size() - 1), call.toString());
            assertTrue(routeDetails(dental, call, "receptionist").stream().anyMatch(d -> d.contains("answered: ")), call.toString());
        });
        // an entry added now is used by the next call at once
        entry(dental, "Do you offer teeth whitening?", "Yes, whitening takes one hour and costs 200 dollars.", "bleaching",
                "services", "en", 10);
        SimulatedCall call = dental.simulator().call(caller(dental).say("how long does whitening of teeth take").say("goodbye"));
        assertTrue(call.said().stream().anyMatch(s -> s.startsWith("Yes, whitening takes one hour")), call.toString());
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency")
    void aSpanishCallerIsAnsweredListenedToAndSpokenToInSpanishThroughout() {
        SimulatedCall call = dental.simulator().call(caller(dental)
                .say("Hola, quisiera saber cuál es su horario de apertura")
                .say("what are your opening hours")              // English later: the conversation stays Spanish
                .say("adiós, eso es todo"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().stream().anyMatch(s -> s.startsWith(HORARIO)), call.toString());
        // every reply after the first utterance: Spanish words, Spanish voice and language
        List<Step.Said> said = call.steps(Step.Said.class);
        int first = indexOf(said, HORARIO);
        assertTrue(first > 0, call.toString());
        for (Step.Said s : said.subList(first, said.size())) {
            assertEquals("es-ES", s.language(), "Spanish from the detection on: " + s);
            assertEquals("Polly.Lucia", s.voice(), "a Spanish voice: " + s);
        }
        assertEquals("Gracias por su llamada. Adiós.", said.get(said.size() - 1).text());
        // Twilio listens in Spanish too: every <Gather> after the first utterance says language="es-ES"
        List<Exchange> twiml = call.requests(Exchange.Kind.TWIML);
        boolean afterFirst = false;
        int checked = 0;
        for (Exchange e : twiml) {
            afterFirst |= e.parameters().containsKey("SpeechResult");
            if (afterFirst && e.body() != null && e.body().contains("<Gather")) {
                assertTrue(e.body().contains("language=\"es-ES\""), e.body());
                checked++;
            }
        }
        assertEquals(2, checked, "the replies to the first two utterances listen again: " + call);
        JsonObject conversation = transcript(dental, call);
        assertEquals("es", conversation.getString("language"));
        for (JsonValue turn : conversation.getJsonArray("turns")) {
            assertEquals("es", turn.asJsonObject().getString("language"), conversation.toString());
        }
    }

    @Test
    void aCallerInALanguageNotServedHearsWhichLanguagesAreAndTheConversationStaysInTheDefault() {
        SimulatedCall call = dental.simulator().call(caller(dental)
                .say("Guten Tag, ich hätte gerne einen Termin für nächste Woche")
                .say("what are your opening hours").say("goodbye"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().stream().anyMatch(s -> s.startsWith("I am sorry, I can only help you in English")), call.toString());
        assertTrue(call.said().stream().anyMatch(s -> s.startsWith(HOURS)), "then served in English: " + call);
        JsonObject conversation = transcript(dental, call);
        assertEquals("en", conversation.getString("language"));
        assertEquals("de", conversation.getString("detectedLanguage"));
        assertTrue(conversation.getString("summary").contains("caller spoke German, not served"), conversation.toString());
    }

    @Test
    @DisplayName("Property 6: AI Transfer Logic")
    void threeUnsuccessfulAttemptsAndTheCallerIsWithCustomerService() {
        SimulatedCall call = dental.simulator().call(caller(dental)
                .say("do you sell bicycles")                  // 1: no answer
                .say("what are your opening hours")           // answered: not a failure, the count goes on
                .say("mmh", 0.05)                             // 2: not understood
                .say("can you repair my car")                 // 3: no answer -> customer service
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(20)));
        assertEquals(List.of(), call.failures(), call.toString());
        List<String> said = call.said();
        assertEquals(1, said.stream().filter(NO_ANSWER::equals).count(), call.toString());
        assertEquals(1, said.stream().filter(NOT_HEARD::equals).count(), call.toString());
        assertEquals(1, said.stream().filter(CUSTOMER_SERVICE::equals).count(), call.toString());
        assertEquals(CUSTOMER_SERVICE, said.get(said.size() - 1), "customer service right after the third: " + call);
        assertEquals("agent-" + receptionAgent.getString("id"), call.steps(Step.Dialed.class).get(0).targets().get(0).address());
        JsonObject conversation = transcript(dental, call);
        assertEquals(3, conversation.getInt("failedAttempts"));
        assertEquals("transferred", conversation.getString("outcome"));

        // silence alone: the third silent prompt hands over too, and not a turn earlier
        SimulatedCall silent = dental.simulator().call(caller(dental).staySilent().staySilent().staySilent().staySilent()
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(5)));
        assertEquals(List.of(), silent.failures(), silent.toString());
        assertEquals(2, silent.said().stream().filter(NOT_HEARD::equals).count(), silent.toString());
        assertEquals(1, silent.steps(Step.Dialed.class).size(), silent.toString());
    }

    @Test
    void namesAndKeysHandTheCallerOverAndAMessageGoesToVoicemail() {
        SimulatedCall sales = dental.simulator().call(caller(dental).say("I'd like to talk to sales")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(30)));
        assertEquals("agent-" + salesAgent.getString("id"), sales.steps(Step.Dialed.class).get(0).targets().get(0).address(), sales.toString());
        assertTrue(sales.said().contains("I will connect you with Sales."), sales.toString());

        // DTMF still works at the receptionist: an extension typed after an unclear answer
        SimulatedCall keyed = dental.simulator().call(caller(dental).staySilent().say("hmm well", 0.1).pressDigits("201")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(10)));
        assertEquals(List.of(), keyed.failures(), keyed.toString());
        assertEquals("agent-" + salesAgent.getString("id"), keyed.steps(Step.Dialed.class).get(0).targets().get(0).address(), keyed.toString());

        SimulatedCall message = dental.simulator().call(caller(dental).say("can I leave a message")
                .leaveVoicemail(Duration.ofSeconds(9), "Please call me back"));
        assertEquals(List.of(), message.failures(), message.toString());
        assertEquals(1, message.steps(Step.Recorded.class).size(), message.toString());
        assertEquals("message", transcript(dental, message).getString("outcome"));
    }

    @Test
    @DisplayName("Property 21: Automatic Transcription")
    void everyCompletedCallHasATranscriptAndASummary() {
        SimulatedCall talked = dental.simulator().call(caller(dental).say("when are you open").say("I'd like to talk to sales")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(15)));
        SimulatedCall direct = dental.simulator().call(caller(dental).pressDigits("201")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(15)));
        for (SimulatedCall call : List.of(talked, direct)) {
            assertEquals("completed", call.finalStatus(), call.toString());
            JsonObject record = dental.call(call.sid());
            assertTrue(record.containsKey("transcript") && !record.isNull("transcript"),
                    "transcript stored when the call ended: " + record + " " + call);
            assertTrue(record.containsKey("summary") && !record.isNull("summary"), record.toString());
        }
        JsonObject conversation = transcript(dental, talked);
        JsonArray turns = conversation.getJsonArray("turns");
        assertEquals(2, turns.size(), conversation.toString());
        assertEquals(1, turns.getJsonObject(0).getInt("seq"));
        assertEquals("when are you open", turns.getJsonObject(0).getString("callerText"));
        assertTrue(turns.getJsonObject(0).getString("replyText").startsWith(HOURS));
        assertEquals("question", turns.getJsonObject(0).getString("intent"));
        assertEquals(hoursEntry.getString("id"), turns.getJsonObject(0).getString("knowledgeEntryId"));
        assertTrue(turns.getJsonObject(0).getInt("serverMillis") >= 0);
        JsonObject firstTurn = turns.getJsonObject(0);
        assertTrue(!firstTurn.containsKey("speechEndToFirstAudioMillis") || firstTurn.isNull("speechEndToFirstAudioMillis"),
                "realtime latencies stay empty on this transport");
        assertEquals("department", turns.getJsonObject(1).getString("intent"));
        String text = conversation.getString("transcript");
        assertTrue(text.startsWith("Caller: when are you open\nReceptionist: " + HOURS), text);
        assertTrue(text.contains("Caller: I'd like to talk to sales\nReceptionist: I will connect you with Sales."), text);
        String summary = conversation.getString("summary");
        assertTrue(summary.contains("Answered: What are your opening hours?"), summary);
        assertTrue(summary.contains("Outcome: transferred"), summary);
        assertNotNull(conversation.getString("finishedAt"));
        assertTrue(transcript(dental, direct).getString("transcript").contains("no conversation with the receptionist"));
    }

    @Test
    @DisplayName("Property 28: AI Learning Integration")
    void unansweredQuestionsBecomeSuggestionsAndResolvedAnswersRankHigher() {
        CallingTenant learner = CallingTenant.open("AI Learner", 10_000);
        learner.addAgent("Lou Reception", "Reception", "101", "available");
        String question = "Do you do Saturday appointments";
        for (int i = 0; i < 2; i++) {
            SimulatedCall call = learner.simulator().call(caller(learner).say(question + (i == 0 ? "?" : "")).say("goodbye"));
            assertTrue(call.said().contains(NO_ANSWER), call.toString());
        }
        JsonArray pending = Api.get("/api/v1/knowledge/suggestions", learner.key()).array();
        assertEquals(1, pending.size(), "one suggestion for both wordings: " + pending);
        JsonObject suggestion = pending.getJsonObject(0);
        assertEquals(2, suggestion.getInt("occurrences"));
        assertEquals("pending", suggestion.getString("status"));
        assertEquals(0, Api.get("/api/v1/knowledge", learner.key()).array().size(), "nothing published without approval");
        assertEquals(404, Api.post("/api/v1/knowledge/suggestions/" + suggestion.getString("id") + "/approve", other.key(),
                "{\"answer\": \"x\"}").status(), "another tenant cannot approve it");
        Api.Reply noAnswer = Api.post("/api/v1/knowledge/suggestions/" + suggestion.getString("id") + "/approve", learner.key(), "{}");
        assertEquals(400, noAnswer.status(), "no draft and no answer: " + noAnswer.body());

        Api.Reply approved = Api.post("/api/v1/knowledge/suggestions/" + suggestion.getString("id") + "/approve", learner.key(),
                "{\"answer\": \"Yes, we are open on Saturdays from 9 to 12.\", \"category\": \"hours\", \"priority\": 30}");
        assertEquals(200, approved.status(), approved.body());
        String entryId = approved.object().getString("id");
        assertEquals(409, Api.post("/api/v1/knowledge/suggestions/" + suggestion.getString("id") + "/approve", learner.key(),
                "{\"answer\": \"again\"}").status());

        // asked again: answered, resolved without a transfer, and the entry learns it
        SimulatedCall resolved = learner.simulator().call(caller(learner).say("can I come on a saturday").say("no thanks, goodbye"));
        assertTrue(resolved.said().stream().anyMatch(s -> s.startsWith("Yes, we are open on Saturdays")), resolved.toString());
        JsonObject learnt = Api.get("/api/v1/knowledge/" + entryId, learner.key()).object();
        assertEquals(1, learnt.getInt("timesUsed"));
        assertEquals(1, learnt.getInt("timesResolved"));
        assertTrue(learnt.getJsonNumber("learnedRank").doubleValue() > 0.5, learnt.toString());

        // a rival entry with the same words whose callers went on to a human ranks below it
        JsonObject rival = entry(learner, "Do you do Saturday appointments?", "Please ask the reception about Saturdays.",
                "", "hours", "en", 30);
        JsonArray found = Api.get("/api/v1/knowledge/search?q=saturday%20appointments&language=en", learner.key()).array();
        assertEquals(entryId, found.getJsonObject(0).getString("entryId"), found.toString());
        assertEquals(rival.getString("id"), found.getJsonObject(1).getString("entryId"), found.toString());
        SimulatedCall transferred = learner.simulator().call(caller(learner).say("saturday appointments").say("can I talk to someone")
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(5)));
        assertTrue(transferred.said().stream().anyMatch(s -> s.startsWith("Yes, we are open on Saturdays")),
                "the entry that resolved a call comes first: " + transferred);
        JsonObject afterTransfer = Api.get("/api/v1/knowledge/" + entryId, learner.key()).object();
        assertEquals(1, afterTransfer.getInt("timesTransferred"), afterTransfer.toString());

        // a rejected suggestion is never published
        learner.simulator().call(caller(learner).say("do you sell toothbrushes").say("goodbye"));
        JsonObject toReject = Api.get("/api/v1/knowledge/suggestions", learner.key()).array().getJsonObject(0);
        assertEquals(200, Api.post("/api/v1/knowledge/suggestions/" + toReject.getString("id") + "/reject", learner.key(), "").status());
        assertEquals(0, Api.get("/api/v1/knowledge/suggestions", learner.key()).array().size());
        assertEquals(1, Api.get("/api/v1/knowledge/suggestions?status=rejected", learner.key()).array().size());
        assertTrue(Api.get("/api/v1/knowledge", learner.key()).array().stream()
                .noneMatch(e -> e.asJsonObject().getString("question").contains("toothbrushes")));
    }

    @Test
    void fallbacksEmptyKnowledgeBaseLowConfidenceAndSpamWords() {
        CallingTenant empty = CallingTenant.open("AI Empty", 1_000);
        SimulatedCall call = empty.simulator().call(caller(empty).say("what are your opening hours").say("goodbye"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().contains(NO_ANSWER), "an empty knowledge base says so: " + call);

        SimulatedCall mumbled = dental.simulator().call(caller(dental).say("what are your opening hours", 0.05)
                .say("what are your opening hours", 0.9).say("goodbye"));
        assertTrue(mumbled.said().contains(NOT_HEARD), mumbled.toString());
        assertTrue(mumbled.said().stream().anyMatch(s -> s.startsWith(HOURS)), mumbled.toString());

        CallingTenant guarded = CallingTenant.open("AI Guarded", 1_000);
        Api.Reply rule = Api.post("/api/v1/spam-rules", guarded.key(),
                "{\"type\": \"keyword\", \"value\": \"free cruise\", \"action\": \"block\", \"weight\": 80}");
        assertEquals(201, rule.status(), rule.body());
        SimulatedCall spam = guarded.simulator().call(caller(guarded).say("congratulations you have won a free cruise")
                .say("press one now"));
        assertEquals(List.of(), spam.failures(), spam.toString());
        assertEquals("Thank you for calling. Goodbye.", spam.said().get(spam.said().size() - 1), spam.toString());
        assertEquals(1, spam.steps(Step.Spoke.class).size(), "hung up after the spam words: " + spam);
        JsonObject record = guarded.call(spam.sid());
        assertEquals("block", record.getJsonObject("spam").getString("action"), record.toString());
        assertEquals("spam", transcript(guarded, spam).getString("outcome"));
        assertTrue(routeDetails(guarded, spam, "spam").stream().anyMatch(d -> d.startsWith("caller said: ")), record.toString());
    }

    @Test
    void theReceptionistAndKnowledgeApiValidateEverythingAndKeepTenantsApart() {
        assertEquals(List.of("languages"), Api.put("/api/v1/settings/receptionist", other.key(),
                "{\"greeting\": \"Hi\", \"languages\": [\"xx\"]}").problemFields());
        Api.Reply notServed = Api.put("/api/v1/settings/receptionist", other.key(),
                "{\"greeting\": \"Hi\", \"languages\": [\"en\"], \"defaultLanguage\": \"es\"}");
        assertEquals(400, notServed.status(), notServed.body());
        assertEquals(400, Api.put("/api/v1/settings/receptionist", other.key(),
                "{\"greeting\": \"Hi\", \"languages\": [\"en\"], \"transport\": \"carrier-pigeon\"}").status());
        assertEquals("en", Api.get("/api/v1/settings/receptionist", other.key()).object().getString("defaultLanguage"),
                "nothing changed");

        Api.Reply blank = Api.post("/api/v1/knowledge", other.key(), "{\"question\": \" \", \"answer\": \"a\", \"language\": \"en\"}");
        assertEquals(400, blank.status(), blank.body());
        assertTrue(blank.problemFields().stream().anyMatch(f -> f.endsWith("question")), blank.body());
        assertEquals(400, Api.post("/api/v1/knowledge", other.key(),
                "{\"question\": \"q\", \"answer\": \"a\", \"language\": \"en\", \"priority\": 101}").status());
        assertEquals(400, Api.post("/api/v1/knowledge", other.key(),
                "{\"question\": \"q\", \"answer\": \"a\", \"language\": \"english!\"}").status());
        assertEquals(400, Api.post("/api/v1/knowledge", other.key(), "{not json").status());
        assertEquals(0, Api.get("/api/v1/knowledge", other.key()).array().size(), "nothing written");

        String id = hoursEntry.getString("id");
        assertEquals(404, Api.get("/api/v1/knowledge/" + id, other.key()).status(), "another tenant's entry does not exist for it");
        assertEquals(404, Api.put("/api/v1/knowledge/" + id, other.key(),
                "{\"question\": \"q\", \"answer\": \"a\", \"language\": \"en\"}").status());
        assertEquals(404, Api.delete("/api/v1/knowledge/" + id, other.key()).status());
        assertEquals(200, Api.get("/api/v1/knowledge/" + id, dental.key()).status(), "still there");
        assertEquals(404, Api.get("/api/v1/knowledge/not-a-uuid", dental.key()).status(), "like every id that names nothing");
        assertEquals(0, Api.get("/api/v1/knowledge/search?q=opening%20hours&language=en", other.key()).array().size());
        assertTrue(Api.get("/api/v1/knowledge/categories", dental.key()).array().toString().contains("hours"));

        // replace and delete an entry of one's own
        JsonObject temp = entry(other, "Temporary?", "Yes.", "", null, "en", 0);
        Api.Reply replaced = Api.put("/api/v1/knowledge/" + temp.getString("id"), other.key(),
                "{\"question\": \"Still temporary?\", \"answer\": \"No.\", \"language\": \"en\", \"priority\": 5, \"active\": false}");
        assertEquals(200, replaced.status(), replaced.body());
        assertFalse(replaced.object().getBoolean("active"));
        assertEquals(204, Api.delete("/api/v1/knowledge/" + temp.getString("id"), other.key()).status());
        assertEquals(404, Api.get("/api/v1/knowledge/" + temp.getString("id"), other.key()).status());

        String dentalCall = dental.call(dental.simulator().call(caller(dental).say("goodbye")).sid()).getString("id");
        assertEquals(404, Api.get("/api/v1/calls/" + dentalCall + "/transcript", other.key()).status());
    }

    @Test
    void aRetryOvertakingTheFirstDeliveryOfATurnCountsOnceAndAnswersTheSame() throws Exception {
        // the first words go to the greeting's step, the goodbye to the receptionist's: that one is delivered again
        SimulatedCall call = dental.simulator().call(caller(dental).say("do you sell fishing licences for the lake").say("goodbye"));
        Exchange turn = call.requests(Exchange.Kind.TWIML).stream()
                .filter(e -> e.url().getPath().endsWith("/receptionist-input")).findFirst().orElseThrow(() -> new AssertionError(call.toString()));
        String callId = dental.call(call.sid()).getString("id");
        long turnsBefore = Sql.count("select count(*) from conversation_turns where call_id = ?::uuid", callId);
        int stepsBefore = routeDetails(dental, call, "receptionist").size();
        // one new delivery (its own token) and Twilio's retry of it, both arriving while the call's row is locked,
        // as when the retry comes while the first delivery is still running
        String token = "retry-" + CallingTenant.hex(8);
        String body = form(turn.parameters());
        HttpRequest request = HttpRequest.newBuilder(turn.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("I-Twilio-Idempotency-Token", token)
                .header(TwilioSignature.HEADER, new TwilioSignature(dental.authToken()).sign(turn.url().toString(), turn.parameters()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers;
        try (Connection db = TestEnvironment.database().superuserDataSource().getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("select id from calls where twilio_call_sid = ? for update")) {
                lock.setString(1, call.sid());
                lock.executeQuery().close();
            }
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> retry = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Sql.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%calls%'") < 2
                    && System.nanoTime() < deadline && !first.isDone() && !retry.isDone()) {
                Thread.sleep(20);
            }
            db.commit();
            answers = List.of(first.get(30, TimeUnit.SECONDS), retry.get(30, TimeUnit.SECONDS));
        }
        assertEquals(200, answers.get(0).statusCode());
        assertEquals(answers.get(0).body(), answers.get(1).body(), "the retry gets the first answer");
        assertTrue(answers.get(0).body().contains("<Say"), answers.get(0).body());
        assertEquals(turnsBefore + 1, Sql.count("select count(*) from conversation_turns where call_id = ?::uuid", callId),
                "one turn for one utterance");
        assertEquals(stepsBefore + 1, routeDetails(dental, call, "receptionist").size(), "one decision on the call's route");
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    @DisplayName("Property 4: AI Language Consistency")
    void aSpanishCallerLeavingAMessageHearsSpanishToTheEnd() {
        SimulatedCall call = dental.simulator().call(caller(dental).say("Hola, quisiera dejar un mensaje, por favor")
                .leaveVoicemail(Duration.ofSeconds(7), "Llámenme, por favor"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());
        List<Step.Said> said = call.steps(Step.Said.class);
        int first = indexOf(said, "Por supuesto");
        assertTrue(first > 0, call.toString());
        // the reply and the voicemail prompt (a hand-over): Spanish, Spanish voice
        List<Step.Said> after = said.subList(first, said.size());
        assertTrue(after.size() >= 2, call.toString());
        for (Step.Said s : after) {
            assertEquals("es-ES", s.language(), s.toString());
            assertEquals("Polly.Lucia", s.voice(), s.toString());
            assertTrue(com.voicecore.domain.model.conversation.Phrasebook.isPhraseIn(s.text(), "es"), "Spanish wording: " + s);
        }
        // the caller hangs up after the message; what the voicemail webhook answers is Spanish as well
        String thanks = call.requests(Exchange.Kind.TWIML).stream().filter(e -> e.url().getPath().endsWith("/voicemail"))
                .map(Exchange::body).findFirst().orElseThrow(() -> new AssertionError(call.toString()));
        assertTrue(thanks.contains("language=\"es-ES\"") && thanks.contains("Polly.Lucia")
                && thanks.contains("Gracias por su mensaje. Adiós."), thanks);
        assertFalse(thanks.contains("en-US"), thanks);
    }

    @Test
    void aDefaultLanguageIsSpokenWithAVoiceOfThatLanguage() {
        CallingTenant spanish = CallingTenant.open("AI Spanish Voice", 1_000);
        // the tenant's voice is still the provisioning default (an English one) when Spanish becomes the default
        Api.Reply settings = Api.put("/api/v1/settings/receptionist", spanish.key(),
                "{\"greeting\": \"Gracias por llamar.\", \"languages\": [\"es\"], \"defaultLanguage\": \"es\"}");
        assertEquals(200, settings.status(), settings.body());
        assertEquals("Polly.Lucia", settings.object().getString("voice"), "the kept English voice would not speak Spanish");
        Api.Reply wrong = Api.put("/api/v1/settings/receptionist", spanish.key(),
                "{\"greeting\": \"Gracias por llamar.\", \"languages\": [\"es\"], \"defaultLanguage\": \"es\", \"voice\": \"Polly.Joanna\"}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("voice"), wrong.body());
        assertEquals("Polly.Lucia", Api.get("/api/v1/settings/receptionist", spanish.key()).object().getString("voice"), "unchanged");
        // a row stored before the check (an English voice with a Spanish default) is not used for Spanish either
        Sql.update("update receptionist_settings set voice = 'Polly.Joanna' where tenant_id = ?", spanish.tenant().id());
        SimulatedCall call = spanish.simulator().call(caller(spanish).say("adiós"));
        assertEquals(List.of(), call.failures(), call.toString());
        Step.Said reply = call.steps(Step.Said.class).get(call.steps(Step.Said.class).size() - 1);
        assertEquals("Gracias por su llamada. Adiós.", reply.text(), call.toString());
        assertEquals("Polly.Lucia", reply.voice(), call.toString());
    }

    @Test
    void aLanguageTheReceptionistCannotSpeakIsRefusedAtProvisioningAndIgnoredWhenStored() {
        long tenantsBefore = Sql.count("select count(*) from tenants");
        Api.Reply refused = Api.post("/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": \"Polish Only\", \"adminEmail\": \"pl-" + CallingTenant.hex(4) + "@example.com\", \"languages\": [\"pl\"]}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("cannot speak 'pl'"), refused.body());
        assertEquals(tenantsBefore, Sql.count("select count(*) from tenants"), "nothing provisioned");

        // a row stored before the check: the call is still answered, in a language that can be spoken
        CallingTenant stored = CallingTenant.open("AI Stored Polish", 1_000);
        assertEquals(1, Sql.update("update receptionist_settings set languages = '{pl,en}', default_language = 'pl' where tenant_id = ?",
                stored.tenant().id()));
        SimulatedCall call = stored.simulator().call(caller(stored).say("do you sell bicycles").say("goodbye"));
        assertEquals(List.of(), call.failures(), call.toString());
        assertTrue(call.said().contains(NO_ANSWER), call.toString());
        assertEquals("Thank you for calling. Goodbye.", call.said().get(call.said().size() - 1), call.toString());
    }

    private static int indexOf(List<Step.Said> said, String prefix) {
        for (int i = 0; i < said.size(); i++) {
            if (said.get(i).text().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
