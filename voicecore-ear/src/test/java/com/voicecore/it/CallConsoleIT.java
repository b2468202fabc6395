package com.voicecore.it;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.it.support.AgentDesk;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.Browser;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Console;
import com.voicecore.it.support.ConsoleBrowser;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.SimulatedCall;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The company's call pages in a real headless Chromium against the deployed EAR: a test call with the
 * real receptionist ("Try a call") that lands in the call log with its transcript, the call's detail
 * page, the live wallboard redrawn by a push when an agent changes status, and another tenant's call id
 * answered as not found.
 */
@ExtendWith(ArquillianExtension.class)
class CallConsoleIT {

    static final String HOURS = "We are open Monday to Friday from 8 am to 6 pm.";
    static final String EVIL = "<img src=x onerror=alert(1)><b>bold</b> & \"quoted\"";

    @RegisterExtension
    static final ConsoleBrowser ui = new ConsoleBrowser();

    static Browser browser;
    static Console console;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void useTheBrowser() {
        browser = ui.browser();
        console = ui.console();
    }

    @Test
    void aTestCallShowsTheReceptionistsAnswersAndLandsInTheCallLogWithItsTranscriptUnbilled() {
        Browser.assumeAvailable();
        CallingTenant company = companyKnowingItsHours("Console Calls Ltd");
        company.addAgent("Sam Seller", "Sales", "201", "available");
        assertTrue(console.signIn(company.tenant().id().toString(), company.tenant().adminEmail(), company.tenant().adminPassword()),
                console.errorText());

        console.open("/tenant/try-call.xhtml");
        browser.find("#tryCall\\:start").click();
        awaitLine("the receptionist picks up", "Receptionist:");
        say("what are your opening hours");
        awaitLine("the knowledge base answers", HOURS);
        say(EVIL);
        awaitLine("the caller's words are shown as text", "onerror=alert(1)");
        assertTrue(browser.findAll("#tryCall\\:dialogue img").isEmpty() && browser.findAll("#tryCall\\:dialogue b").isEmpty(),
                "caller-typed markup is escaped");
        say("can I talk to sales please");
        browser.await(Duration.ofSeconds(20), "the receptionist routes to Sales and the test call ends",
                d -> !browser.findAll("#tryCall\\:ended").isEmpty() ? true : null);
        String dialogue = console.text("#tryCall\\:dialogue");
        assertTrue(dialogue.contains("would be handed over to department Sales"), dialogue);
        assertTrue(dialogue.contains("intent: question"), dialogue);
        assertTrue(dialogue.contains("[en]"), dialogue);
        console.screenshot("console-try-a-call");

        JsonObject listed = Api.get("/api/v1/calls?size=10", company.key()).object().getJsonArray("calls").get(0).asJsonObject();
        String callId = listed.getString("id");
        JsonObject call = Api.get("/api/v1/calls/" + callId, company.key()).object();
        assertTrue(call.getBoolean("testCall"), call.toString());
        assertEquals("completed", call.getString("status"));
        assertEquals(0, call.getInt("creditsUsed"), "a test call is never billed");
        assertEquals(company.departmentId("Sales"), call.getString("departmentId"), "routed like a live call would be");
        assertEquals(0L, Sql.count("select count(*) from credit_usage where call_id = ?", java.util.UUID.fromString(callId)),
                "no ledger line for a test call");
        assertEquals(0, Api.get("/api/v1/agents", company.key()).array().stream().map(JsonValue::asJsonObject)
                .filter(a -> !"available".equals(a.getString("status"))).count(), "nobody was rung");

        console.open("/tenant/calls.xhtml");
        browser.await(Duration.ofSeconds(10), "the call log lists the test call", d -> {
            List<WebElement> rows = browser.findAll("#callLog\\:calls_data tr");
            return !rows.isEmpty() && rows.get(0).getText().contains("test call") && rows.get(0).getText().contains("Sales") ? true : null;
        });
        console.screenshot("console-call-log");
        browser.find("#callLog\\:calls_data tr .call-link").click();
        browser.await(Duration.ofSeconds(10), "the call's page opens", d -> !browser.findAll("#transcript").isEmpty() ? true : null);
        assertTrue(browser.driver().getCurrentUrl().contains(callId), browser.driver().getCurrentUrl());
        String transcript = console.text("#transcript");
        assertTrue(transcript.contains("what are your opening hours"), transcript);
        assertTrue(transcript.contains(HOURS), transcript);
        assertTrue(console.has("#testCall"), "marked as a test call");
        String turns = console.text("#turns");
        assertTrue(turns.contains("question") && turns.contains("department"), turns);
        assertTrue(console.text("#route").contains("would be handed over to department Sales"), console.text("#route"));
        assertEquals("0", console.text("#credits"));
        assertTrue(browser.findAll("#transcript img").isEmpty(), "the transcript is escaped");
        console.screenshot("console-call-detail");

        // the log's filters: the test call is inbound and completed, not outbound
        console.open("/tenant/calls.xhtml");
        browser.script("PF('directionMenu').selectValue('outbound');");
        browser.await(Duration.ofSeconds(5), "outbound is chosen",
                d -> "outbound".equals(browser.script("return document.getElementById('filters:direction_input').value;")) ? true : null);
        browser.find("#filters\\:search").click();
        browser.await(Duration.ofSeconds(10), "no outbound calls", d -> console.text("#callLog\\:calls").contains("No calls match.") ? true : null);
        browser.find("#filters\\:clear").click();
        browser.await(Duration.ofSeconds(10), "cleared filters show the test call again",
                d -> console.text("#callLog\\:calls").contains("test call") ? true : null);
    }

    @Test
    void aTestCallTeachesTheReceptionistNothingWhileARealCallDoes() {
        Browser.assumeAvailable();
        CallingTenant company = companyKnowingItsHours("Console Learning Ltd");
        java.util.UUID tenant = company.tenant().id();
        String unanswered = "do you repair bicycles on sundays";
        assertTrue(console.signIn(tenant.toString(), company.tenant().adminEmail(), company.tenant().adminPassword()), console.errorText());

        console.open("/tenant/try-call.xhtml");
        browser.find("#tryCall\\:start").click();
        awaitLine("the receptionist picks up", "Receptionist:");
        say("what are your opening hours");
        awaitLine("the knowledge base answers", HOURS);
        say(unanswered);
        say("goodbye");
        browser.await(Duration.ofSeconds(20), "the test call ends", d -> !browser.findAll("#tryCall\\:ended").isEmpty() ? true : null);
        assertEquals(1L, Sql.count("select count(*) from conversation_turns t join calls c on c.id = t.call_id and c.tenant_id = t.tenant_id"
                + " where t.tenant_id = ? and t.knowledge_entry_id is not null and c.metadata::text like '%test_call%'", tenant),
                "the test call was answered from the knowledge base");
        assertEquals(0L, Sql.count("select count(*) from knowledge_base where tenant_id = ? and (times_used > 0 or times_resolved > 0"
                + " or times_transferred > 0 or last_used_at is not null)", tenant), "a test call changes no counter");
        assertEquals(0L, Sql.count("select count(*) from knowledge_suggestions where tenant_id = ?", tenant),
                "a test call's unanswered question is no suggestion");

        SimulatedCall real = company.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(company.number())
                .say("what are your opening hours").say(unanswered).say("goodbye"));
        assertEquals(List.of(), real.failures(), real.toString());
        assertEquals(1L, Sql.count("select count(*) from knowledge_base where tenant_id = ? and times_used = 1 and last_used_at is not null",
                tenant), "a real call counts the answer it used");
        assertEquals(1L, Sql.count("select count(*) from knowledge_suggestions where tenant_id = ? and normalized like '%bicycles%'", tenant),
                "a real call's unanswered question becomes a suggestion");
    }

    @Test
    void theCallLogCountsDaysAndShowsTimesInTheTenantsTimeZone() {
        Browser.assumeAvailable();
        CallingTenant company = CallingTenant.open("Console Pacific Calls", 1_000);
        // the company's hours are kept in Los Angeles (what the hours page saves)
        Sql.update("update business_schedules set time_zone = 'America/Los_Angeles' where tenant_id = ? and department_id is null",
                company.tenant().id());
        SimulatedCall placed = company.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(company.number()).say("goodbye"));
        String callId = company.call(placed.sid()).getString("id");
        // 23:30 on 15 January in Los Angeles is 07:30 on the 16th in UTC
        Sql.update("update calls set started_at = timestamptz '2026-01-16 07:30:00+00' where id = ?::uuid", callId);
        assertTrue(console.signIn(company.tenant().id().toString(), company.tenant().adminEmail(), company.tenant().adminPassword()),
                console.errorText());

        console.open("/tenant/calls.xhtml");
        assertTrue(console.text("#filters").contains("From (America/Los_Angeles)"), console.text("#filters"));
        searchDays("2026-01-15", "2026-01-15");
        // the table is read inside the wait: the search's redraw may replace it between two reads
        String[] listed = browser.await(Duration.ofSeconds(10), "the call is listed under its local date", d -> {
            String table = console.text("#callLog\\:calls");
            return table.contains(placed.from()) ? new String[] {table, console.text("#callLog\\:calls_data tr .call-started")} : null;
        });
        assertEquals("2026-01-15 23:30:00", listed[1]);
        assertTrue(listed[0].contains("Started (America/Los_Angeles)"), "the zone is named");
        searchDays("2026-01-16", "2026-01-16");
        browser.await(Duration.ofSeconds(10), "not under the UTC date",
                d -> console.text("#callLog\\:calls").contains("No calls match.") ? true : null);

        console.open("/tenant/call.xhtml?id=" + callId);
        assertEquals("2026-01-15 23:30:00", console.text("#startedAt"));
        assertEquals("Started (America/Los_Angeles)", console.text("#startedLabel"));
    }

    /** A company whose knowledge base answers "What are your opening hours?" with {@link #HOURS}. */
    private static CallingTenant companyKnowingItsHours(String name) {
        CallingTenant company = CallingTenant.open(name, 1_000);
        Api.Reply knowledge = Api.post("/api/v1/knowledge", company.key(), "{\"question\": \"What are your opening hours?\", \"answer\": "
                + Api.str(HOURS) + ", \"keywords\": \"open time\", \"category\": \"hours\", \"language\": \"en\", \"priority\": 20}");
        assertEquals(201, knowledge.status(), knowledge.body());
        return company;
    }

    private static void searchDays(String from, String until) {
        browser.script("document.getElementById('filters:from_input').value = arguments[0];"
                + "document.getElementById('filters:until_input').value = arguments[1];", from, until);
        browser.find("#filters\\:search").click();
    }

    @Test
    void theWallboardShowsAnAgentsNewStatusWithoutReloading() throws Exception {
        Browser.assumeAvailable();
        CallingTenant company = CallingTenant.open("Console Wallboard Ltd", 1_000);
        JsonObject agent = company.addAgent("Wanda Board", "Support", "301", "available");
        CallingTenant stranger = CallingTenant.open("Console Wallboard Stranger", 1_000);
        JsonObject outsider = stranger.addAgent("Otto Outsider", "Support", "301", "available");
        assertTrue(console.signIn(company.tenant().id().toString(), company.tenant().adminEmail(), company.tenant().adminPassword()),
                console.errorText());
        console.open("/team/wallboard.xhtml");
        assertEquals("available", agentStatus("Wanda Board"));
        assertFalse(console.text("#wallboard\\:agents").contains("Otto Outsider"), "only the company's agents");
        browser.script("window.notReloaded = true;");

        try (AgentClient wanda = AgentDesk.connect(company, agent); AgentClient otto = AgentDesk.connect(stranger, outsider)) {
            // a change before the page's push socket is open would not reach it (the page's onopen marks it)
            browser.await(Duration.ofSeconds(10), "the wallboard's push socket is open",
                    d -> Boolean.TRUE.equals(browser.script("return window.wallboardOpen === true;")) ? true : null);
            String refreshedBefore = console.text("#wallboard\\:refreshedAt");
            otto.setStatus("busy").orTimeout(5, TimeUnit.SECONDS).join();
            Thread.sleep(1500);
            assertEquals(refreshedBefore, console.text("#wallboard\\:refreshedAt"), "another tenant's change is not pushed here");

            wanda.setStatus("busy").orTimeout(5, TimeUnit.SECONDS).join();
            browser.await(Duration.ofSeconds(10), "the wallboard shows Wanda busy", d -> "busy".equals(agentStatus("Wanda Board")) ? true : null);
            assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "redrawn in place, not reloaded");
            console.screenshot("console-wallboard");
        }
    }

    @Test
    void anotherTenantsCallIdIsAnsweredAsNotFound() {
        Browser.assumeAvailable();
        CallingTenant owner = CallingTenant.open("Console Call Owner", 1_000);
        CallingTenant snoop = CallingTenant.open("Console Call Snoop", 1_000);
        SimulatedCall placed = owner.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(owner.number()).say("goodbye"));
        String callId = owner.call(placed.sid()).getString("id");

        assertTrue(console.signIn(snoop.tenant().id().toString(), snoop.tenant().adminEmail(), snoop.tenant().adminPassword()),
                console.errorText());
        for (String id : List.of(callId, "not-a-uuid", java.util.UUID.randomUUID().toString())) {
            console.open("/tenant/call.xhtml?id=" + id);
            assertTrue(console.has("#notFound"), "call " + id + " is not found for another tenant");
            assertFalse(browser.driver().getPageSource().contains(placed.from()), "nothing of the call shows");
        }
        console.screenshot("console-call-not-found");

        // the same id is the owner's call: the page exists, it is only not the snoop's
        assertTrue(console.signIn(owner.tenant().id().toString(), owner.tenant().adminEmail(), owner.tenant().adminPassword()),
                console.errorText());
        console.open("/tenant/call.xhtml?id=" + callId);
        assertEquals(placed.from(), console.text("#from"));

        // the owner's voicemail page: one department's messages, the caller's words escaped, the player on https
        String reception = owner.departmentId("Reception");
        Sql.update("insert into voicemails (tenant_id, call_id, department_id, recording_sid, recording_url, duration_seconds, transcription)"
                        + " values (?, ?, ?, ?, ?, 7, ?)", owner.tenant().id(), java.util.UUID.fromString(callId),
                java.util.UUID.fromString(reception), "RE" + CallingTenant.hex(16),
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1", EVIL);
        console.open("/tenant/voicemail.xhtml");
        browser.script("PF('voicemailDepartment').selectValue('" + reception + "');");
        browser.find("#voicemailForm\\:show").click();
        browser.await(Duration.ofSeconds(10), "the department's voicemail shows",
                d -> console.text("#voicemailForm\\:messagesTable").contains("onerror=alert(1)") ? true : null);
        assertTrue(browser.findAll("#voicemailForm\\:messagesTable img").isEmpty(), "the transcription is escaped");
        assertTrue(browser.find("#voicemailForm\\:messagesTable audio").getAttribute("src").endsWith("/Recordings/RE1.mp3"));
        console.screenshot("console-voicemail");
    }

    private void say(String words) {
        int before = browser.findAll("#tryCall\\:dialogue .try-call-line").size();
        console.type("#tryCall\\:words", words);
        browser.find("#tryCall\\:say").click();
        browser.await(Duration.ofSeconds(20), "the receptionist answers '" + words + "'",
                d -> browser.findAll("#tryCall\\:dialogue .try-call-line").size() >= before + 2 ? true : null);
    }

    private void awaitLine(String what, String text) {
        browser.await(Duration.ofSeconds(20), what, d -> browser.findAll("#tryCall\\:dialogue .try-call-line").stream()
                .anyMatch(l -> l.getText().contains(text)) ? true : null);
    }

    /** The agent's status as the wallboard shows it, read inside waits (the table is redrawn). */
    private String agentStatus(String name) {
        for (WebElement row : browser.findAll("#wallboard\\:agents_data tr")) {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            if (cells.size() >= 3 && cells.get(0).getText().contains(name)) {
                return cells.get(2).getText();
            }
        }
        return null;
    }
}
