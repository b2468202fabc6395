package com.voicecore.it;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.client.agent.AgentTokens;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.Browser;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.FakeTwilioLive;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.simulator.CallScript;
import com.voicecore.simulator.DialOutcome;
import com.voicecore.simulator.SimulatedCall;
import com.voicecore.simulator.Step;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent softphone (/agent/) in a real headless Chromium against the deployed EAR: sign-in, status
 * persisted and broadcast, offers of simulated callers with accept and reject, the department's
 * voicemail only, caller-supplied text shown as text, installability (manifest, service worker), and
 * the Twilio Voice access token. Each test has a tenant of its own, so offers never stray between tests.
 */
@ExtendWith(ArquillianExtension.class)
class SoftphoneIT {

    /** Caller-supplied text that would make elements if a page ever put it in as HTML. */
    static final String EVIL_CALLER = "<img src=x onerror=alert(1)>";
    static final String EVIL_TEXT = "<img src=x onerror=alert(2)><b>bold</b> & \"quoted\" call me back";

    static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void openBrowser() {
        if (browserInstalled()) {
            browser = Browser.start();
            // before any page script: note every WebSocket the page opens (and its subprotocols), so a test
            // can drop the agent socket as a network failure would and see what the page reconnects with
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", "(() => { const Native = window.WebSocket; window.__sockets = []; window.__protocols = [];"
                            + " function Watched(url, protocols) { const ws = new Native(url, protocols);"
                            + " window.__sockets.push(ws); window.__protocols.push(protocols); return ws; }"
                            + " Watched.prototype = Native.prototype;"
                            + " ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(k => Watched[k] = Native[k]);"
                            + " window.WebSocket = Watched; })();"));
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static boolean browserInstalled() {
        try {
            Browser.assumeAvailable();
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }

    /** An agent who can sign in: a tenant user (role agent) linked to it, with the tenant admin's password. */
    record Login(CallingTenant tenant, String agentId, String email, String password, String departmentId) {
    }

    static Login agentWithLogin(CallingTenant tenant, String name, String department, String extension) {
        JsonObject agent = tenant.addAgent(name, department, extension, "not_available");
        String email = agent.getString("email");
        List<Map<String, Object>> user = Sql.rows("insert into tenant_users (tenant_id, email, display_name, password_hash, role)"
                + " select tenant_id, ?, ?, password_hash, 'agent' from tenant_users where tenant_id = ? and role = 'tenant_admin'"
                + " returning id", email, name, tenant.tenant().id());
        assertEquals(1, user.size());
        assertEquals(1, Sql.count("with linked as (update agents set user_id = ? where id = ?::uuid returning 1) select count(*) from linked",
                user.get(0).get("id"), agent.getString("id")));
        return new Login(tenant, agent.getString("id"), email, tenant.tenant().adminPassword(), tenant.departmentId(department));
    }

    // ---------- the page ----------

    static void signIn(Login login) {
        browser.open(Api.url("/agent/"));
        signOutIfSignedIn();
        browser.find("#login-tenant").sendKeys(login.tenant().tenant().id().toString());
        browser.find("#login-email").sendKeys(login.email());
        browser.find("#login-password").sendKeys(login.password());
        browser.find("#login-submit").click();
        browser.await(Duration.ofSeconds(20), "the softphone connects its agent socket",
                d -> "online".equals(browser.find("#connection").getText()));
    }

    static void signOutIfSignedIn() {
        if (browser.find("#desk-view").isDisplayed()) {
            browser.find("#logout").click();
        }
        browser.await(Duration.ofSeconds(5), "the login form shows", d -> browser.find("#login-view").isDisplayed());
    }

    static void chooseStatus(String status) {
        new Select(browser.find("#status-select")).selectByValue(status);
    }

    static String shownStatus() {
        return new Select(browser.find("#status-select")).getFirstSelectedOption().getAttribute("value");
    }

    static WebElement awaitOffer(Duration timeout) {
        return browser.awaitQuickly(timeout, "an offer shows in the page", d -> {
            WebElement offer = browser.find("#offer");
            return offer.isDisplayed() ? offer : null;
        });
    }

    /** The element's text even when it is hidden again (Selenium's getText() is empty for hidden elements). */
    static String textOf(String selector) {
        return browser.find(selector).getAttribute("textContent");
    }

    static List<String> eventLines() {
        return browser.findAll("#events li").stream().map(WebElement::getText).toList();
    }

    static AgentClient supervisor(CallingTenant tenant, String agentId) throws Exception {
        AgentTokens.Token token = AgentTokens.issue(URI.create(Api.url("")), tenant.key(), agentId, "supervisor");
        return AgentClient.connect(URI.create(Api.url("/ws/supervisor").replace("http:", "ws:")), token.token());
    }

    static CompletableFuture<SimulatedCall> callInBackground(CallingTenant tenant, CallScript script) {
        // Twilio's side: the fake REST API knows the account and moves the simulated call when the server bridges it
        TestEnvironment.twilioApi().account(tenant.accountSid(), tenant.authToken());
        return CompletableFuture.supplyAsync(() -> tenant.simulator().withLiveControl(new FakeTwilioLive(TestEnvironment.twilioApi())).call(script));
    }

    // ---------- tests ----------

    @Test
    void signInSwitchesStatusPersistedAndBroadcastBothWays() throws Exception {
        Browser.assumeAvailable();
        CallingTenant tenant = CallingTenant.open("Softphone Status", 100);
        Login erin = agentWithLogin(tenant, "Erin Status", "Sales", "201");
        Login colleague = agentWithLogin(tenant, "Colin Watcher", "Support", "301");

        // a wrong password: the same refusal as anything else, and no socket
        browser.open(Api.url("/agent/"));
        signOutIfSignedIn();
        browser.find("#login-tenant").sendKeys(tenant.tenant().id().toString());
        browser.find("#login-email").sendKeys(erin.email());
        browser.find("#login-password").sendKeys("wrong-" + erin.password());
        browser.find("#login-submit").click();
        browser.await(Duration.ofSeconds(10), "the refusal shows", d -> browser.find("#login-error").isDisplayed());
        assertTrue(browser.find("#login-error").getText().contains("Sign-in failed"), browser.find("#login-error").getText());
        assertFalse(browser.find("#desk-view").isDisplayed());

        try (AgentClient watcher = supervisor(tenant, colleague.agentId())) {
            signIn(erin);
            assertEquals("not_available", shownStatus(), "connecting does not change the status");
            browser.await(Duration.ofSeconds(5), "the agent's name from the welcome",
                    d -> browser.find("#me-name").getText().equals("Erin Status"));
            assertEquals(1, Sql.count("select count(*) from agents where id = ?::uuid and last_seen_at is not null", erin.agentId()),
                    "the page's first heartbeat stamped the agent");

            chooseStatus("available");
            JsonObject presence = watcher.await(m -> "presence".equals(m.getString("type", "")) && erin.agentId().equals(m.getString("agentId", ""))
                    && "available".equals(m.getString("status", "")), Duration.ofSeconds(10));
            assertEquals("agent", presence.getString("reason"));
            assertEquals("available", Api.get("/api/v1/agents/" + erin.agentId(), tenant.key()).object().getString("status"),
                    "persisted");

            // a change made elsewhere (the agent's own token in another client) reaches the page
            AgentTokens.Token own = AgentTokens.issue(URI.create(Api.url("")), tenant.key(), erin.agentId(), "agent");
            try (AgentClient other = AgentClient.connect(URI.create(Api.url("/ws/agent").replace("http:", "ws:")), own.token())) {
                other.setStatus("busy").get(10, TimeUnit.SECONDS);
            }
            browser.await(Duration.ofSeconds(10), "the page follows the broadcast", d -> "busy".equals(shownStatus()));
            // and the colleague of the other department is listed with its presence
            browser.await(Duration.ofSeconds(5), "colleagues are listed",
                    d -> browser.findAll("#agents li").stream().anyMatch(li -> li.getText().contains("Colin Watcher")));
        }
    }

    @Test
    void aDroppedSocketReconnectsWithAFreshTokenAndKeepsWorking() throws Exception {
        Browser.assumeAvailable();
        CallingTenant tenant = CallingTenant.open("Softphone Reconnect", 100);
        Login nora = agentWithLogin(tenant, "Nora Network", "Support", "303");
        signIn(nora);
        long opened = ((Number) browser.script("return window.__sockets.length")).longValue();
        int last = (int) opened - 1;
        String firstToken = (String) browser.script("return window.__protocols[arguments[0]][1]", last);
        assertTrue(firstToken.startsWith("bearer."), "the token travels as a subprotocol");
        assertEquals("voicecore-agent-v1", browser.script("return window.__protocols[arguments[0]][0]", last));

        browser.script("window.__sockets[arguments[0]].close()", last); // as a network failure would
        browser.await(Duration.ofSeconds(20), "the page reconnects",
                d -> ((Number) browser.script("return window.__sockets.length")).longValue() == opened + 1
                        && "online".equals(browser.find("#connection").getText()));
        String secondToken = (String) browser.script("return window.__protocols[arguments[0]][1]", last + 1);
        assertNotEquals(firstToken, secondToken, "a fresh token for the new handshake");
        assertTrue(secondToken.startsWith("bearer."));

        chooseStatus("busy");
        browser.await(Duration.ofSeconds(10), "the new socket carries the status change", d -> "busy".equals(
                Api.get("/api/v1/agents/" + nora.agentId(), tenant.key()).object().getString("status")));
        // the token never appeared in a URL the page requested
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.script("return performance.getEntriesByType('resource').map(e => e.name)");
        String bare = secondToken.substring("bearer.".length());
        assertTrue(urls.stream().noneMatch(u -> u.contains(bare) || u.contains(firstToken.substring("bearer.".length()))), urls.toString());
    }

    @Test
    void anOfferShowsTheCallerAndAcceptBridgesTheCallToTheAgentsClient() throws Exception {
        Browser.assumeAvailable();
        CallingTenant tenant = CallingTenant.open("Softphone Accept", 100);
        Login sam = agentWithLogin(tenant, "Sam Accept", "Sales", "202");
        signIn(sam);
        chooseStatus("available");
        browser.await(Duration.ofSeconds(10), "available", d -> "available".equals(
                Api.get("/api/v1/agents/" + sam.agentId(), tenant.key()).object().getString("status")));

        String caller = CallingTenant.uniqueNumber();
        CompletableFuture<SimulatedCall> call = callInBackground(tenant, CallScript.from(caller).to(tenant.number())
                .staySilent().say("I'd like to talk to sales")          // Sales
                .whenDialed(DialOutcome.ANSWERED, Duration.ofSeconds(40)));
        WebElement offer = awaitOffer(Duration.ofSeconds(30));
        String offerId = offer.getAttribute("data-offer-id");
        browser.find("#offer-accept").click(); // at once: the tests' offers ring for two seconds only
        assertNotEquals(null, offerId);
        assertEquals(caller, textOf("#offer-caller"), "the caller's own number");
        assertFalse(textOf("#offer-summary").isBlank(), "the receptionist's summary (or that there is none yet)");
        SimulatedCall done = call.get(60, TimeUnit.SECONDS);
        List<Step.Dialed> dials = done.steps(Step.Dialed.class);
        assertEquals(1, dials.size(), done.toString());
        assertEquals(Step.DialTarget.Kind.CLIENT, dials.get(0).targets().get(0).kind(), done.toString());
        assertEquals("agent-" + sam.agentId(), dials.get(0).targets().get(0).address(), "the agent's softphone identity is rung");
        assertNull(dials.get(0).callerId(), "no caller ID override: the agent sees the caller");

        browser.await(Duration.ofSeconds(15), "the call's events reach the page: bridged to this agent, then ended",
                d -> eventLines().stream().anyMatch(l -> l.contains("call bridging") && l.contains(caller))
                        && eventLines().stream().anyMatch(l -> l.contains("call ended") && l.contains(caller)));
        assertEquals("ended", browser.find("#call").getAttribute("data-state"), "the call card followed the call");
        assertFalse(browser.find("#offer").isDisplayed(), "the offer is gone once taken");
        JsonObject record = tenant.call(done.sid());
        assertEquals(sam.agentId(), record.getString("agentId"));
    }

    @Test
    void rejectEndsTheOfferAndCallerSuppliedTextStaysText() throws Exception {
        Browser.assumeAvailable();
        CallingTenant tenant = CallingTenant.open("Softphone Reject", 100);
        Login rita = agentWithLogin(tenant, "Rita Reject", "Sales", "203");
        signIn(rita);
        chooseStatus("available");
        browser.await(Duration.ofSeconds(10), "available", d -> "available".equals(
                Api.get("/api/v1/agents/" + rita.agentId(), tenant.key()).object().getString("status")));

        CompletableFuture<SimulatedCall> call = callInBackground(tenant, CallScript.from(EVIL_CALLER).to(tenant.number())
                .staySilent().say("I'd like to talk to sales")
                .leaveVoicemail(Duration.ofSeconds(9), EVIL_TEXT));
        WebElement offer = awaitOffer(Duration.ofSeconds(30));
        String offerId = offer.getAttribute("data-offer-id");
        browser.find("#offer-reject").click();
        assertEquals(EVIL_CALLER, textOf("#offer-caller"), "shown as the text it is");
        assertEquals(List.of(), browser.findAll("#offer img, #offer b"), "no element was made from the caller's text");
        browser.await(Duration.ofSeconds(10), "the rejected offer ends in the page",
                d -> !browser.find("#offer").isDisplayed() || !offerId.equals(browser.find("#offer").getAttribute("data-offer-id")));
        // no one else can take it: the agent steps away, and the waiting caller goes to the department's voicemail
        chooseStatus("not_available");
        SimulatedCall done = call.get(60, TimeUnit.SECONDS);
        assertTrue(done.steps(Step.Dialed.class).isEmpty(), "the rejected call was never bridged: " + done);
        assertEquals(1, done.steps(Step.Recorded.class).size(), done.toString());
        assertEquals(1, Sql.count("select count(*) from agent_offers where id = ?::uuid and outcome = 'rejected'", offerId),
                "the offer is recorded as rejected");

        // the message and the caller's number, both caller-supplied, are listed as text
        browser.find("#voicemail-refresh").click();
        // the list is redrawn on the voicemail event as well as on the click, so read it inside the wait
        String message = browser.await(Duration.ofSeconds(10), "the message is listed",
                d -> browser.findAll("#voicemails li").stream().map(WebElement::getText)
                        .filter(text -> text.contains(EVIL_TEXT)).findFirst().orElse(null));
        assertTrue(message.startsWith(EVIL_CALLER), message);
        assertEquals(List.of(), browser.findAll("#voicemails img, #voicemails b, #events img, #events b"));
        assertEquals(0L, ((Number) browser.script("return document.querySelectorAll('main img').length")).longValue());
    }

    @Test
    void theVoicemailListShowsTheAgentsDepartmentOnly() throws Exception {
        Browser.assumeAvailable();
        CallingTenant tenant = CallingTenant.open("Softphone Voicemail", 100);
        CallingTenant other = CallingTenant.open("Softphone Elsewhere", 100);
        Login vera = agentWithLogin(tenant, "Vera Mail", "Sales", "204");
        Login elsewhere = agentWithLogin(other, "Otto Other", "Sales", "204");
        // nobody is logged in: each call to a department leaves a message there
        leaveMessage(tenant, "sales", "Sales message for Vera");
        leaveMessage(tenant, "support", "Support message, not for Sales");
        leaveMessage(other, "sales", "Another company's Sales message");

        signIn(vera);
        List<String> shown = browser.await(Duration.ofSeconds(10), "the department's voicemail is listed", d -> {
            List<String> texts = browser.findAll("#voicemails li").stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
        assertEquals(1, shown.size(), shown.toString());
        assertTrue(shown.get(0).contains("Sales message for Vera"), shown.toString());

        // the same through the API with the agent's token; another tenant's agent sees only its own
        AgentTokens.Token token = AgentTokens.login(URI.create(Api.url("")), tenant.tenant().id().toString(), vera.email(), vera.password());
        List<JsonObject> mine = agentGet("/api/v1/agent/voicemails", token.token()).asJsonArray().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of(vera.departmentId()), mine.stream().map(v -> v.getString("departmentId")).distinct().toList());
        AgentTokens.Token otto = AgentTokens.login(URI.create(Api.url("")), other.tenant().id().toString(), elsewhere.email(), elsewhere.password());
        List<JsonObject> theirs = agentGet("/api/v1/agent/voicemails", otto.token()).asJsonArray().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("Another company's Sales message"), theirs.stream().map(v -> v.getString("transcription")).toList());
        assertEquals(401, agentStatus("/api/v1/agent/voicemails", "not-a-token"));
        assertEquals(401, agentStatus("/api/v1/agent/voicemails", tenant.key()), "a tenant API key is not an agent token");
    }

    static void leaveMessage(CallingTenant tenant, String department, String transcription) {
        SimulatedCall call = tenant.simulator().call(CallScript.from(CallingTenant.uniqueNumber()).to(tenant.number())
                .staySilent().say("I'd like to talk to " + department).leaveVoicemail(Duration.ofSeconds(7), transcription));
        assertEquals(1, call.steps(Step.Recorded.class).size(), call.toString());
    }

    @Test
    void theShellIsInstallableAndItsServiceWorkerCachesTheShellOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Api.url("/agent/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(page.body().contains("rel=\"manifest\""));

        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(Api.url("/agent/manifest.webmanifest"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode());
        assertTrue(manifest.headers().firstValue("Content-Type").orElse("").startsWith("application/manifest+json"));
        JsonObject m = Json.createReader(new StringReader(manifest.body())).readObject();
        assertEquals("/agent/", m.getString("start_url"));
        assertEquals("standalone", m.getString("display"));
        for (JsonValue icon : m.getJsonArray("icons")) {
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(Api.url("/agent/" + icon.asJsonObject().getString("src")))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode(), icon.toString());
            assertEquals((byte) 0x89, png.body()[0], "a PNG");
        }
        HttpResponse<String> sdk = http.send(HttpRequest.newBuilder(URI.create(Api.url("/agent/vendor/twilio.min.js"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sdk.statusCode());
        assertTrue(sdk.body().contains("2.18.5"), "the Twilio Voice SDK bundled at build time");

        Browser.assumeAvailable();
        browser.open(Api.url("/agent/"));
        browser.await(Duration.ofSeconds(20), "the service worker is registered",
                d -> "registered".equals(browser.script("return document.documentElement.dataset.sw")));
        browser.open(Api.url("/agent/"));
        browser.await(Duration.ofSeconds(10), "the page is controlled by the service worker",
                d -> Boolean.TRUE.equals(browser.script("return navigator.serviceWorker.controller !== null")));
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                + ".then(lists => done(lists.flat().map(r => new URL(r.url).pathname)));");
        assertTrue(cached.containsAll(List.of("/agent/", "/agent/softphone.js", "/agent/softphone.css", "/agent/manifest.webmanifest",
                "/agent/vendor/twilio.min.js")), cached.toString());
        assertTrue(cached.stream().allMatch(p -> p.startsWith("/agent/")), "nothing but the shell: " + cached);
    }

    @Test
    void theVoiceTokenIsMintedForTheAgentsClientIdentityOnceTheTenantHasAnApiKey() throws Exception {
        CallingTenant tenant = CallingTenant.open("Softphone Twilio", 100);
        Login tess = agentWithLogin(tenant, "Tess Token", "Support", "302");
        AgentTokens.Token token = AgentTokens.login(URI.create(Api.url("")), tenant.tenant().id().toString(), tess.email(), tess.password());

        JsonObject simulator = agentGet("/api/v1/agent/voice-token", token.token()).asJsonObject();
        assertEquals("simulator", simulator.getString("mode"));
        assertEquals("agent-" + tess.agentId(), simulator.getString("identity"));
        assertTrue(simulator.getString("reason").contains("API key"), simulator.toString());

        // bad settings are refused and change nothing
        Api.Reply bad = Api.put("/api/v1/settings/telephony/softphone", tenant.key(),
                "{\"apiKeySid\": \"SKnope\", \"apiKeySecret\": \"x\", \"twimlAppSid\": \"AP1\"}");
        assertEquals(400, bad.status(), bad.body());
        assertFalse(Api.get("/api/v1/settings/telephony/softphone", tenant.key()).object().getBoolean("usable"));

        String keySid = "SK" + CallingTenant.hex(16);
        String appSid = "AP" + CallingTenant.hex(16);
        String secret = CallingTenant.hex(16);
        Api.Reply set = Api.put("/api/v1/settings/telephony/softphone", tenant.key(),
                "{\"apiKeySid\": " + Api.str(keySid) + ", \"apiKeySecret\": " + Api.str(secret) + ", \"twimlAppSid\": " + Api.str(appSid) + "}");
        assertEquals(200, set.status(), set.body());
        assertFalse(set.body().contains(secret), "the secret is write-only");
        assertTrue(set.object().getBoolean("usable"));
        assertEquals(0, Sql.count("select count(*) from telephony_settings where position(convert_to(?, 'UTF8') in twilio_api_key_secret) > 0",
                secret), "the secret is stored sealed");

        JsonObject twilio = agentGet("/api/v1/agent/voice-token", token.token()).asJsonObject();
        assertEquals("twilio", twilio.getString("mode"));
        String[] jwt = twilio.getString("token").split("\\.");
        assertEquals(3, jwt.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals(jwt[2], Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII))), "signed with the tenant's API key secret");
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals(keySid, claims.getString("iss"));
        assertEquals(tenant.accountSid(), claims.getString("sub"));
        JsonObject grants = claims.getJsonObject("grants");
        assertEquals("agent-" + tess.agentId(), grants.getString("identity"), "the identity the call path dials");
        assertTrue(grants.getJsonObject("voice").getJsonObject("incoming").getBoolean("allow"));
        assertEquals(appSid, grants.getJsonObject("voice").getJsonObject("outgoing").getString("application_sid"));

        // the page in Twilio mode loads the bundled SDK and starts a Device with that token
        Browser.assumeAvailable();
        signIn(tess);
        browser.await(Duration.ofSeconds(20), "the Twilio Voice SDK is loaded in the page",
                d -> "twilio".equals(browser.script("return document.body.dataset.phoneMode"))
                        && Boolean.TRUE.equals(browser.script("return !!(window.Twilio && window.Twilio.Device)")));
    }

    @Test
    void aTokenRefreshGivesTheSameAgentAFreshToken() throws Exception {
        CallingTenant tenant = CallingTenant.open("Softphone Refresh", 100);
        Login rae = agentWithLogin(tenant, "Rae Refresh", "Sales", "205");
        AgentTokens.Token token = AgentTokens.login(URI.create(Api.url("")), tenant.tenant().id().toString(), rae.email(), rae.password());
        HttpResponse<String> refreshed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.url("/api/v1/agent/token")))
                .header("Authorization", "Bearer " + token.token()).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertTrue(refreshed.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonObject body = Json.createReader(new StringReader(refreshed.body())).readObject();
        assertEquals(rae.agentId(), body.getString("agentId"));
        assertEquals("agent", body.getString("role"));
        assertNotEquals(token.token(), body.getString("token"));
        // the fresh token opens the agent socket
        try (AgentClient client = AgentClient.connect(URI.create(Api.url("/ws/agent").replace("http:", "ws:")), body.getString("token"))) {
            assertEquals(rae.agentId(), client.welcome().getString("agentId"));
        }
        assertEquals(401, agentStatus("/api/v1/agent/voice-token", token.token().substring(0, token.token().length() - 2) + "xx"),
                "a forged token is refused");
    }

    // ---------- REST with an agent token ----------

    static JsonValue agentGet(String path, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.url(path)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "never cached");
        return Json.createReader(new StringReader(r.body())).readValue();
    }

    static int agentStatus(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.url(path)))
                .header("Authorization", "Bearer " + Objects.requireNonNull(token)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
