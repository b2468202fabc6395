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
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.it.support.TestTenant;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console's foundation in a real headless Chromium against the deployed EAR: form sign-in for
 * tenant users and platform admins, the lockout after five wrong passwords, roles guarding pages,
 * tenant scoping, escaping of caller-supplied text, and forged POSTs changing nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

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
    void aTenantAdminSignsInWithTheCompanysIdAndSeesOnlyTheCompanysMenu() {
        Browser.assumeAvailable();
        TestTenant tenant = TestTenant.provision("Console Sign-in Ltd");
        console.open("/");
        browser.await(Duration.ofSeconds(10), "an unsigned visitor is sent to the sign-in page",
                d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        assertEquals("Console Sign-in Ltd", console.text("#signedInTenant"));
        assertEquals(tenant.adminEmail(), console.text("#welcomeEmail"));
        String menu = console.text("#menu");
        assertTrue(menu.contains("Company"), menu);
        assertFalse(menu.contains("Platform"), menu);
        console.screenshot("console-home-tenant-admin");

        console.open("/platform/tenants.xhtml");
        assertFalse(console.has("#tenants"), "a tenant admin must not open the platform's pages");
        assertTrue(browser.driver().getPageSource().contains("Forbidden") || browser.driver().getPageSource().contains("403"),
                browser.driver().getPageSource());
        console.signOut();
        console.open("/");
        browser.await(Duration.ofSeconds(10), "after sign-out the console asks for sign-in again",
                d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesTheRightPasswordIncluded() {
        Browser.assumeAvailable();
        TestTenant tenant = TestTenant.provision("Console Lockout GmbH");
        for (int i = 1; i <= 5; i++) {
            assertFalse(console.signIn(tenant.id().toString(), tenant.adminEmail(), "wrong-" + i));
            assertTrue(console.errorText().contains("Sign-in failed"), console.errorText());
        }
        console.screenshot("console-sign-in-refused");
        Instant afterFifth = Instant.now();
        List<Map<String, Object>> row = Sql.rows("select failed_logins, locked_until from tenant_users where tenant_id = ? and email = ?",
                tenant.id(), tenant.adminEmail());
        java.sql.Timestamp lockedUntil = (java.sql.Timestamp) row.get(0).get("locked_until");
        assertNotNull(lockedUntil, "five wrong passwords lock the account");
        long minutes = Duration.between(afterFifth, lockedUntil.toInstant().plusSeconds(30)).toMinutes();
        assertTrue(minutes >= 14 && minutes <= 15, "locked for 15 minutes, was " + minutes);

        assertFalse(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()),
                "the right password is refused while the lock lasts");
        assertEquals(lockedUntil, Sql.rows("select locked_until from tenant_users where tenant_id = ? and email = ?",
                tenant.id(), tenant.adminEmail()).get(0).get("locked_until"), "attempts during a lock do not extend it");

        // fifteen minutes later (the lock moved into the past), the right password works again
        Sql.update("update tenant_users set locked_until = now() - interval '1 second' where tenant_id = ? and email = ?",
                tenant.id(), tenant.adminEmail());
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        assertEquals(0L, Sql.count("select count(*) from tenant_users where tenant_id = ? and email = ? and (failed_logins > 0 or locked_until is not null)",
                tenant.id(), tenant.adminEmail()));
    }

    @Test
    void aPlatformAdminSignsInWithoutAnOrganisationAndIsLockedOutLikeEveryoneElse() {
        Browser.assumeAvailable();
        String[] admin = Console.platformAdmin("Pat Platform");
        assertTrue(console.signIn("", admin[0], admin[1]), console.errorText());
        assertEquals("Platform", console.text("#signedInTenant"));
        assertTrue(console.text("#menu").contains("Platform"));
        console.signOut();

        String[] other = Console.platformAdmin("Lee Locked");
        for (int i = 0; i < 5; i++) {
            assertFalse(console.signIn("", other[0], "nope-" + i));
        }
        assertFalse(console.signIn("", other[0], other[1]), "a locked platform admin is refused the right password");
        assertEquals(1L, Sql.count("select count(*) from platform.platform_admins where email = ? and locked_until > now() + interval '14 minutes'",
                other[0]));
    }

    @Test
    void theSignedInNameIsShownAsTextNeverAsMarkup() {
        Browser.assumeAvailable();
        String email = "evil-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply reply = Api.post("/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": " + Api.str("Escaping " + EVIL) + ", \"adminEmail\": " + Api.str(email)
                        + ", \"adminName\": " + Api.str(EVIL) + "}");
        assertEquals(201, reply.status(), reply.body());
        TestTenant tenant = TestTenant.of(reply.object());
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        assertEquals(EVIL, console.text("#signedInName"));
        assertEquals("Escaping " + EVIL, console.text("#signedInTenant"));
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "no element was made from the name");
        assertTrue(browser.findAll("header b, main b").isEmpty(), "no element was made from the name");
    }

    @Test
    void aTenantAdminOpensTheCompanysAuditEntriesButAnotherTenantsIdIsNotFound() {
        Browser.assumeAvailable();
        TestTenant mine = TestTenant.provision("Console Audit Mine");
        TestTenant theirs = TestTenant.provision("Console Audit Theirs");
        assertTrue(console.signIn(theirs.id().toString(), theirs.adminEmail(), theirs.adminPassword()), console.errorText());
        assertTrue(console.signIn(mine.id().toString(), mine.adminEmail(), mine.adminPassword()), console.errorText());
        Object theirEntry = Sql.rows("select id from admin_audit_log where tenant_id = ?", theirs.id()).get(0).get("id");
        Object myEntry = Sql.rows("select id from admin_audit_log where tenant_id = ?", mine.id()).get(0).get("id");

        console.open("/tenant/audit.xhtml");
        List<org.openqa.selenium.WebElement> rows = browser.findAll("#auditLog_data tr");
        assertEquals(1, rows.size(), "only the company's own sign-in is listed");
        assertTrue(rows.get(0).getText().contains(mine.adminEmail()), rows.get(0).getText());
        console.screenshot("console-company-audit-log");
        browser.find(".audit-entry-link").click();
        browser.await(Duration.ofSeconds(10), "the entry opens", d -> d.getCurrentUrl().contains("id=" + myEntry));
        assertEquals("console.signed-in", console.text("#action"));

        for (String id : List.of(theirEntry.toString(), UUID.randomUUID().toString(), "not-a-uuid", "' or 1=1 --")) {
            console.open("/tenant/audit-entry.xhtml?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(console.has("#notFound"), "another tenant's or a made-up id is not found: " + id);
            assertFalse(browser.driver().getPageSource().contains(theirs.adminEmail()));
        }
    }

    @Test
    void aSessionEndsAtTheNextClickOnceItsTenantIsSuspendedOrItsRoleChanges() {
        Browser.assumeAvailable();
        String name = "Session Ends " + UUID.randomUUID().toString().substring(0, 8);
        CallingTenant company = CallingTenant.open(name, 100);
        TestTenant tenant = company.tenant();
        jakarta.json.JsonObject agent = company.addAgent("Ada Agent", "Sales", "201", "available");
        String token = AgentDesk.token(company, agent.getString("id"), "agent");
        AgentClient connected = AgentDesk.connect(token, "/ws/agent");
        assertEquals(200, Api.get("/api/v1/agent/voicemails", token).status(), "the softphone's REST calls work before");
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        console.open("/tenant/departments.xhtml");
        assertTrue(console.has("#departmentForm"), "the admin works in the console");

        // the platform suspends the tenant, in a platform admin's own browser
        Browser platform = Browser.start();
        try {
            Console ops = new Console(platform);
            String[] admin = Console.platformAdmin("Sue Spender");
            assertTrue(ops.signIn("", admin[0], admin[1]), ops.errorText());
            ops.open("/platform/tenants.xhtml");
            rowButton(platform, name, ".tenant-suspend").click();
            platform.await(Duration.ofSeconds(10), "suspended", d -> statusOf(platform, name).equals("suspended"));
        } finally {
            platform.close();
        }

        // the agent's open socket is closed at once, and the token (still within its lifetime) opens no new one
        CloseReason closed = connected.closed().orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(4001, closed.getCloseCode().getCode(), closed.toString());
        try (AgentClient again = AgentClient.connect(AgentDesk.wsUrl("/ws/agent"), token)) {
            assertEquals(4001, again.closed().orTimeout(10, TimeUnit.SECONDS).join().getCloseCode().getCode());
        } catch (java.io.IOException | jakarta.websocket.DeploymentException refused) {
            // refused before the upgrade: just as good
        }
        // nor does the softphone's REST API answer it
        Api.Reply rest = Api.get("/api/v1/agent/voicemails", token);
        assertEquals(403, rest.status(), rest.body());

        // the admin's next click (an Ajax button) lands on the sign-in page, which says why
        console.type("#departmentForm\\:name", "After the suspension");
        browser.find("#departmentForm\\:save").click();
        browser.await(Duration.ofSeconds(20), "the sign-in page shows", d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
        assertTrue(console.text("#ended").contains("your company's access to VoiceCore has been suspended"), console.text("#ended"));
        console.screenshot("console-session-ended");
        assertEquals(0L, Sql.count("select count(*) from departments where tenant_id = ? and name = 'After the suspension'", tenant.id()));
        console.open("/tenant/departments.xhtml");
        browser.await(Duration.ofSeconds(10), "the session is gone", d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
        assertFalse(console.has("#ended"), "the reason is said once, not on every later visit");

        // resumed; the admin signs in again, then is made a supervisor (as the agents page writes it)
        Sql.update("update tenants set status = 'active' where id = ?", tenant.id());
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        console.open("/tenant/departments.xhtml");
        Sql.update("update tenant_users set role = 'supervisor' where tenant_id = ? and lower(email) = lower(?)", tenant.id(), tenant.adminEmail());
        browser.find("#departmentForm\\:save").click();
        browser.await(Duration.ofSeconds(20), "the downgrade ends the session", d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
        assertTrue(console.text("#ended").contains("your role changed"), console.text("#ended"));
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        assertFalse(console.text("#menu").contains("Company"), "signed in again with the new role: " + console.text("#menu"));
        console.open("/tenant/departments.xhtml");
        assertFalse(console.has("#departmentForm"), "a supervisor no longer opens the admin's pages");

        // the account removed (as removing an agent does): the next request ends the session
        console.open("/");
        Sql.update("delete from tenant_users where tenant_id = ? and lower(email) = lower(?)", tenant.id(), tenant.adminEmail());
        console.open("/");
        browser.await(Duration.ofSeconds(20), "the removal ends the session", d -> d.getCurrentUrl().contains("/admin/login.xhtml"));
        assertTrue(console.text("#ended").contains("your account has been removed"), console.text("#ended"));
    }

    @Test
    void aPostWithoutTheFormsViewStateChangesNothing() {
        Browser.assumeAvailable();
        TestTenant tenant = TestTenant.provision("Console Forgery Ltd");
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        // the sign-out form, posted as another site would: the browser's cookie, but no or a made-up ViewState
        for (String body : List.of("signOutForm=signOutForm&signOutForm%3AsignOut=",
                "signOutForm=signOutForm&signOutForm%3AsignOut=&jakarta.faces.ViewState=-1234567890%3A987654321")) {
            var response = console.postAsBrowser("/index.xhtml", body);
            // without a ViewState it is no postback at all (the page is just shown again); with a made-up
            // one the view is not found (the expiry page): either way the sign-out action never ran
            assertTrue(response.statusCode() == 200 || response.statusCode() == 500, response.statusCode() + " " + response.body());
            assertTrue(response.headers().firstValue("Location").isEmpty(), "no redirect to the sign-in page");
            assertFalse(response.body().contains("You have signed out"));
            console.open("/");
            assertTrue(console.has("#signedInName"), "still signed in after " + body);
        }
        var expired = console.postAsBrowser("/index.xhtml",
                "signOutForm=signOutForm&signOutForm%3AsignOut=&jakarta.faces.ViewState=-1234567890%3A987654321");
        assertTrue(expired.body().contains("This page has expired"), expired.body());
        console.open("/");
        assertTrue(console.has("#signedInName"), "still signed in: the forged sign-out did nothing");
        assertEquals(tenant.adminEmail(), console.text("#welcomeEmail"));
    }

    @Test
    void aPlatformAdminCreatesSuspendsResumesAndDeletesATenantThroughTheConsole() {
        Browser.assumeAvailable();
        String[] admin = Console.platformAdmin("Tess Tenants");
        assertTrue(console.signIn("", admin[0], admin[1]), console.errorText());
        console.open("/platform/tenants.xhtml");

        // invalid input is refused with a message, and nothing is created
        long before = Sql.count("select count(*) from tenants");
        console.type("#createTenant\\:name", "Half Filled Ltd");
        console.type("#createTenant\\:adminEmail", "not-an-address");
        console.type("#createTenant\\:timeZone", "Mars/Olympus");
        browser.find("#createTenant\\:create").click();
        browser.await(Duration.ofSeconds(10), "the refusal shows", d -> console.errorText().contains("e-mail address"));
        assertEquals(before, Sql.count("select count(*) from tenants"), "nothing invalid is saved");

        String name = "Console Made " + EVIL;
        String domain = "made-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String email = "owner@" + domain;
        console.open("/platform/tenants.xhtml");
        console.type("#createTenant\\:name", name);
        console.type("#createTenant\\:domain", domain);
        console.type("#createTenant\\:adminEmail", email);
        console.type("#createTenant\\:timeZone", "Europe/Berlin");
        console.type("#createTenant\\:languages", "de, en");
        browser.find("#createTenant\\:create").click();
        browser.await(Duration.ofSeconds(20), "the new tenant's credentials show", d -> console.has("#createdPassword"));
        assertEquals(name, console.text("#createdName"), "the name is shown as text");
        assertTrue(browser.findAll("img[src='x']").isEmpty());
        UUID id = UUID.fromString(console.text("#createdId"));
        String password = console.text("#createdPassword");
        String apiKey = console.text("#createdApiKey");
        assertEquals(1L, Sql.count("select count(*) from tenants where id = ? and name = ? and domain = ? and status = 'active'", id, name, domain));
        assertEquals(200, Api.get("/api/v1/departments", apiKey).status(), "the shown API key works");
        console.screenshot("console-platform-tenant-created");

        // a POST with a made-up ViewState (as a forged form would have) does not suspend it
        var forged = console.postAsBrowser("/platform/tenants.xhtml",
                "tenantsForm=tenantsForm&jakarta.faces.ViewState=-1%3A-1&tenantsForm%3Atenants%3A0%3Aj_idt1=");
        assertTrue(forged.body().contains("This page has expired"), forged.body());
        assertEquals(1L, Sql.count("select count(*) from tenants where id = ? and status = 'active'", id));

        rowButton(name, ".tenant-suspend").click();
        browser.await(Duration.ofSeconds(10), "suspended", d -> statusOf(name).equals("suspended"));
        assertEquals(1L, Sql.count("select count(*) from tenants where id = ? and status = 'suspended'", id));
        assertEquals(401, Api.get("/api/v1/departments", apiKey).status(), "a suspended tenant's key is refused");
        console.signOut();
        assertFalse(console.signIn(domain, email, password), "a suspended tenant's users cannot sign in");
        assertTrue(console.signIn("", admin[0], admin[1]), console.errorText());
        console.open("/platform/tenants.xhtml");
        rowButton(name, ".tenant-resume").click();
        browser.await(Duration.ofSeconds(10), "resumed", d -> statusOf(name).equals("active"));
        assertEquals(200, Api.get("/api/v1/departments", apiKey).status());
        console.screenshot("console-platform-tenants");

        console.signOut();
        assertTrue(console.signIn(domain, email, password), "the new admin signs in with the shown password, by domain");
        assertTrue(console.signIn("", admin[0], admin[1]), console.errorText());
        console.open("/platform/tenants.xhtml");
        rowButton(name, ".tenant-delete").click();
        browser.driver().switchTo().alert().accept();
        browser.await(Duration.ofSeconds(20), "the receipt shows", d -> console.has("#receiptId"));
        assertEquals(id.toString(), console.text("#receiptTenant"));
        assertTrue(console.text("#receiptRows").contains("tenant_users"), console.text("#receiptRows"));
        assertEquals(0L, Sql.count("select count(*) from tenants where id = ?", id));
        assertEquals(1L, Sql.count("select count(*) from tenant_deletion_receipts where tenant_id = ? and requested_by = ?", id, admin[0]));
        console.screenshot("console-platform-tenant-deleted");

        List<String> actions = Sql.rows("select action from platform.admin_audit_log where subject_tenant = ? and actor = ? order by occurred_at",
                id, admin[0]).stream().map(r -> (String) r.get("action")).toList();
        assertEquals(List.of("tenant.created", "tenant.suspended", "tenant.resumed", "tenant.deleted"), actions);
        console.open("/platform/audit.xhtml");
        assertTrue(console.text("#auditLog").contains("tenant.deleted"));
        console.screenshot("console-platform-audit-log");
    }

    @Test
    void aPlatformAdminSeesSystemHealthThePlatformSpamListAndChangesATenantsPlan() {
        Browser.assumeAvailable();
        String[] admin = Console.platformAdmin("Hal Health");
        assertTrue(console.signIn("", admin[0], admin[1]), console.errorText());

        console.open("/platform/health.xhtml");
        assertEquals("reachable", console.text("#database"));
        assertEquals("listening", console.text("#thisNode"));
        assertTrue(Integer.parseInt(console.text("#nodeCount")) >= 1, console.text("#nodeCount"));
        String circuits = console.text("#circuits");
        for (String name : List.of("twilio-redirect", "twilio-forward", "twilio-hang-up", "openai-realtime-connect")) {
            assertTrue(circuits.contains(name), circuits);
        }
        List<String> states = browser.findAll(".circuit-state").stream().map(org.openqa.selenium.WebElement::getText).toList();
        assertEquals(4, states.size());
        assertTrue(states.stream().allMatch(st -> List.of("closed", "open", "half-open").contains(st)), states.toString());
        console.screenshot("console-platform-health");

        // a number three tenants reported is on the platform list, without saying who reported it
        String number = "+1415555" + (1000 + new java.util.Random().nextInt(8999));
        List<TestTenant> reporters = List.of(TestTenant.provision("Reporter One"), TestTenant.provision("Reporter Two"),
                TestTenant.provision("Reporter Three"));
        for (TestTenant t : reporters) {
            Sql.update("insert into spam_reports (tenant_id, number, reason) values (?, ?, 'robocall')", t.id(), number);
        }
        console.open("/platform/spam.xhtml");
        List<org.openqa.selenium.WebElement> rows = browser.findAll("#spamList_data tr");
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains(number) && r.getText().contains("3")),
                console.text("#spamList"));
        assertFalse(console.text("#spamList").contains("Reporter"));
        console.screenshot("console-platform-spam-list");

        // plans and credits: invalid input is refused and saves nothing; a valid change is saved and audited
        TestTenant tenant = reporters.get(0);
        console.open("/platform/tenant-plan.xhtml?id=" + tenant.id());
        assertEquals("Reporter One", console.text("#tenantName"));
        console.type("#planForm\\:minutes", "-5");
        browser.find("#planForm\\:save").click();
        browser.await(Duration.ofSeconds(10), "the refusal shows", d -> console.errorText().contains("negative"));
        assertEquals(0L, Sql.count("select count(*) from plans where tenant_id = ? and included_minutes = -5", tenant.id()));
        console.type("#planForm\\:code", "pro");
        console.type("#planForm\\:minutes", "2500");
        browser.find("#planForm\\:save").click();
        browser.await(Duration.ofSeconds(10), "saved", d -> console.text("#messages").contains("changed"));
        assertEquals(1L, Sql.count("select count(*) from plans where tenant_id = ? and code = 'pro' and included_minutes = 2500", tenant.id()));
        assertEquals(1L, Sql.count("select count(*) from platform.admin_audit_log where subject_tenant = ? and action = 'tenant.plan-changed'",
                tenant.id()));
        console.screenshot("console-platform-tenant-plan");
        console.open("/platform/tenant-plan.xhtml?id=" + UUID.randomUUID());
        assertTrue(console.has("#notFound"), "an unknown tenant is not found");
    }

    static org.openqa.selenium.WebElement rowButton(String tenantName, String css) {
        return rowButton(browser, tenantName, css);
    }

    static org.openqa.selenium.WebElement rowButton(Browser browser, String tenantName, String css) {
        return browser.await(Duration.ofSeconds(10), "the tenant's row", d -> d.findElements(org.openqa.selenium.By.cssSelector("#tenantsForm\\:tenants_data tr")).stream()
                .filter(r -> r.findElements(org.openqa.selenium.By.cssSelector(".tenant-name")).stream().anyMatch(n -> n.getText().equals(tenantName)))
                .findFirst().map(r -> r.findElement(org.openqa.selenium.By.cssSelector(css))).orElse(null));
    }

    static String statusOf(String tenantName) {
        return statusOf(browser, tenantName);
    }

    static String statusOf(Browser browser, String tenantName) {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#tenantsForm\\:tenants_data tr")).stream()
                .filter(r -> r.findElements(org.openqa.selenium.By.cssSelector(".tenant-name")).stream().anyMatch(n -> n.getText().equals(tenantName)))
                .findFirst().map(r -> r.findElement(org.openqa.selenium.By.cssSelector(".tenant-status")).getText()).orElse("");
    }
}
