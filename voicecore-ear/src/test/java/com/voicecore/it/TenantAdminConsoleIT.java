package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.Browser;
import com.voicecore.it.support.Console;
import com.voicecore.it.support.ConsoleBrowser;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestTenant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant admin's pages in a real headless Chromium against the deployed EAR: invite an agent (who
 * then signs in with the password shown once), add a knowledge-base entry, import CSV files (good,
 * with invalid rows, malformed, oversized: all or nothing), test a number against the spam rules, the
 * Twilio token never shown back, invalid input refused with messages and nothing saved, every change
 * audited, another tenant's ids in the URL answered "not found".
 */
@ExtendWith(ArquillianExtension.class)
class TenantAdminConsoleIT {

    static final String EVIL = "<img src=x onerror=alert(1)><b>bold</b>";
    static final Duration WAIT = Duration.ofSeconds(20);

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
    void anAdminInvitesAnAgentWhoThenSignsInWithTheRoleGiven() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Agents Console Ltd");
        String email = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@agents.example";
        String password = invite("Sam " + EVIL, email, "150", "SUPERVISOR");
        browser.await(WAIT, "the new agent is listed", d -> browser.find("#agentTable").getText().contains("Sam " + EVIL));
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "the agent's name is shown as text, never as markup");
        console.screenshot("console-tenant-agents");

        assertEquals(1L, Sql.count("select count(*) from agents a join tenant_users u on u.tenant_id = a.tenant_id and u.id = a.user_id"
                + " where a.tenant_id = ? and a.email = ? and a.extension = 150 and u.role = 'supervisor'", tenant.id(), email));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'agent.invited' and actor = ?"
                + " and subject = ?", tenant.id(), tenant.adminEmail(), "Sam " + EVIL));
        assertEquals(0L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and detail like ?", tenant.id(),
                "%" + password + "%"), "the first password is never written to the audit log");

        // the invited supervisor signs in with that password and sees no company pages
        assertTrue(console.signIn(tenant.id().toString(), email, password), console.errorText());
        assertFalse(console.text("#menu").contains("Company"), console.text("#menu"));
        console.open("/tenant/agents.xhtml");
        assertFalse(console.has("#inviteForm"), "a supervisor cannot open the admin's pages");
    }

    @Test
    void changingAnAgentsEmailChangesTheirSignIn() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Email Change Console Ltd");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String oldEmail = "kim-" + unique + "@agents.example";
        String password = invite("Kim", oldEmail, "160", "SUPERVISOR");
        String agentId = Sql.rows("select id from agents where tenant_id = ? and email = ?", tenant.id(), oldEmail).get(0).get("id").toString();

        // another user's e-mail (the admin's, in other case) is refused, and nothing changes
        console.open("/tenant/agent.xhtml?id=" + agentId);
        console.type("#agentForm\\:email", tenant.adminEmail().toUpperCase(java.util.Locale.ROOT));
        click("#agentForm\\:save");
        awaitMessages("already");
        assertEquals(1L, Sql.count("select count(*) from tenant_users where tenant_id = ? and email = ?", tenant.id(), oldEmail));
        assertEquals(1L, Sql.count("select count(*) from agents where tenant_id = ? and email = ?", tenant.id(), oldEmail));

        String newEmail = "Kim.Neu-" + unique + "@Agents.example";
        console.type("#agentForm\\:email", newEmail);
        click("#agentForm\\:save");
        awaitMessages("Agent 'Kim' saved");
        String stored = newEmail.toLowerCase(java.util.Locale.ROOT);
        assertEquals(1L, Sql.count("select count(*) from tenant_users u join agents a on a.user_id = u.id and a.tenant_id = u.tenant_id"
                + " where u.tenant_id = ? and u.email = ? and a.email = ?", tenant.id(), stored, stored), "the account follows the agent");

        // the softphone: the new e-mail (any case) signs in, the old one no longer does
        assertEquals(401, agentLogin(tenant, oldEmail, password).status());
        Api.Reply byNew = agentLogin(tenant, newEmail.toUpperCase(java.util.Locale.ROOT), password);
        assertEquals(200, byNew.status(), byNew.body());

        // the console: the same (signing in signs the admin out first)
        assertFalse(console.signIn(tenant.id().toString(), oldEmail, password), "the old e-mail no longer signs in");
        assertTrue(console.signIn(tenant.id().toString(), newEmail, password), console.errorText());
        assertTrue(console.has("#menu"), "the supervisor is in the console");
    }

    private static Api.Reply agentLogin(TestTenant tenant, String email, String password) {
        return Api.post("/api/v1/agent-login", null, "{\"tenantId\": " + Api.str(tenant.id().toString()) + ", \"email\": "
                + Api.str(email) + ", \"password\": " + Api.str(password) + "}");
    }

    /** Invites an agent through the agents page; answers the first password the page shows once. */
    private static String invite(String name, String email, String extension, String role) {
        console.open("/tenant/agents.xhtml");
        console.type("#inviteForm\\:name", name);
        console.type("#inviteForm\\:email", email);
        console.type("#inviteForm\\:extension", extension);
        select("inviteForm:role", role);
        click("#inviteForm\\:invite");
        String password = browser.await(WAIT, "the first password is shown", d -> {
            List<WebElement> shown = browser.findAll("#inviteForm\\:invitedPassword");
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
        assertTrue(password.length() >= 16, password);
        return password;
    }

    @Test
    void invalidInputShowsMessagesAndSavesNothing() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Invalid Input Console GmbH");
        long agentsBefore = Sql.count("select count(*) from agents where tenant_id = ?", tenant.id());
        long auditBefore = audits(tenant);

        console.open("/tenant/agents.xhtml");
        console.type("#inviteForm\\:name", "");
        console.type("#inviteForm\\:email", "not-an-email");
        console.type("#inviteForm\\:extension", "0x");
        click("#inviteForm\\:invite");
        awaitMessages("An agent needs a name", "That is not an e-mail address", "An extension has 2 to 6 digits");
        console.screenshot("console-tenant-invalid-input");

        // a business rule the service keeps: an extension outside the department's block
        console.open("/tenant/departments.xhtml");
        console.type("#departmentForm\\:name", "Night shift");
        typeNumber("departmentForm:firstExtension", "700");
        typeNumber("departmentForm:lastExtension", "100");
        click("#departmentForm\\:save");
        awaitMessages("The extension block must not end before it starts");
        typeNumber("departmentForm:lastExtension", "799");
        click("#departmentForm\\:save");
        awaitMessages("Department 'Night shift' created");
        console.type("#departmentForm\\:name", "Overlap");
        typeNumber("departmentForm:firstExtension", "750");
        typeNumber("departmentForm:lastExtension", "760");
        click("#departmentForm\\:save");
        awaitMessages("overlap those of 'Night shift'");

        console.open("/tenant/knowledge.xhtml");
        console.type("#entryForm\\:question", "Where do you park?");
        console.type("#entryForm\\:answer", "");
        typeNumber("entryForm:priority", "150");
        console.type("#entryForm\\:language", "english");
        click("#entryForm\\:create");
        awaitMessages("An answer is needed", "Priority is between 0 and 100", "A language is a code like en or en-US");

        console.open("/tenant/spam.xhtml");
        console.type("#ruleForm\\:value", "(unclosed");
        select("ruleForm:type", "PATTERN");
        click("#ruleForm\\:add");
        awaitMessages("not a valid regular expression");

        assertEquals(agentsBefore, Sql.count("select count(*) from agents where tenant_id = ?", tenant.id()));
        assertEquals(0L, Sql.count("select count(*) from departments where tenant_id = ? and name = 'Overlap'", tenant.id()));
        assertEquals(0L, Sql.count("select count(*) from knowledge_base where tenant_id = ?", tenant.id()));
        assertEquals(0L, Sql.count("select count(*) from spam_rules where tenant_id = ? and rule_value = '(unclosed'", tenant.id()));
        assertEquals(auditBefore + 1, audits(tenant), "only the one department created is audited");
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'department.created'"
                + " and subject = 'Night shift'", tenant.id()));
    }

    @Test
    void anAdminAddsAKnowledgeEntryAndImportsCsvFilesAllOrNothing() throws IOException {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Knowledge Console BV");
        console.open("/tenant/knowledge.xhtml");
        console.type("#entryForm\\:question", "Do you have parking? " + EVIL);
        console.type("#entryForm\\:answer", "Yes, behind the building.");
        console.type("#entryForm\\:category", "Visiting");
        typeNumber("entryForm:priority", "40");
        console.type("#entryForm\\:keywords", "car park garage");
        console.type("#entryForm\\:language", "en");
        click("#entryForm\\:create");
        awaitMessages("Entry added");
        browser.await(WAIT, "the entry is listed", d -> browser.find("#entryTable").getText().contains("Do you have parking? " + EVIL));
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "the question is shown as text, never as markup");
        assertEquals(1L, Sql.count("select count(*) from knowledge_base where tenant_id = ? and category = 'Visiting' and priority = 40"
                + " and keywords = 'car park garage'", tenant.id()));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'knowledge.created'", tenant.id()));

        // a good file: three rows, quoted commas, quotes and a line break, columns in another order
        importCsv(file("good.csv", "language,question,answer,category,priority,keywords\r\n"
                + "en,When do you open?,\"Nine to five, Monday to Friday.\",Hours,10,opening hours\r\n"
                + "de,Wann habt ihr offen?,\"Von neun bis fünf, sagt \"\"Anna\"\".\",Hours,10,\r\n"
                + "en,Where are you?,\"12 Main Street,\nSpringfield\",Visiting,0,address\r\n"));
        awaitMessages("3 entries imported");
        assertEquals(4L, knowledgeCount(tenant));
        assertEquals(1L, Sql.count("select count(*) from knowledge_base where tenant_id = ? and answer = ?", tenant.id(),
                "Von neun bis fünf, sagt \"Anna\"."));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'knowledge.imported'"
                + " and subject = 'good.csv' and detail like '3 entries%'", tenant.id()));
        console.screenshot("console-tenant-knowledge");

        // rows that break the entries' rules: every one named, nothing imported (not even the good first row)
        importCsv(file("invalid.csv", "question,answer,language,priority\n"
                + "Is there wifi?,Yes.,en,5\n"
                + "Do you deliver?,,en,5\n"
                + "Open on Sunday?,No.,english,5\n"
                + "Cash?,Yes.,en,150\n"));
        List<String> problems = awaitProblems();
        assertEquals(List.of("Row 3: An answer is needed", "Row 4: A language is a code like en or en-US",
                "Row 5: Priority is between 0 and 100"), problems);
        assertTrue(console.errorText().contains("nothing was imported"), console.errorText());
        browser.script("document.getElementById('importForm').scrollIntoView()");
        console.screenshot("console-tenant-knowledge-import-refused");

        importCsv(file("malformed.csv", "question,answer,language\nQuoted \"wrongly\",Yes,en\nToo,many,fields,here\n"));
        assertTrue(awaitProblems().get(0).startsWith("Row 2: a double quote inside a field"));

        byte[] big = new byte[1024 * 1024 + 100];
        java.util.Arrays.fill(big, (byte) 'x');
        Path oversized = Files.createTempFile("oversized", ".csv");
        Files.write(oversized, big);
        importCsv(oversized);
        assertTrue(awaitProblems().get(0).startsWith("A file has at most 1024 KiB"));
        assertTrue(console.errorText().contains("The file is too large"), console.errorText());

        assertEquals(4L, knowledgeCount(tenant), "no refused file added anything");
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'knowledge.imported'", tenant.id()),
                "a refused import is not audited as a change");
    }

    @Test
    void testingANumberShowsTheScoreAndReasonsOfTheCompanysRules() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Spam Console Inc");
        console.open("/tenant/spam.xhtml");
        select("ruleForm:type", "NUMBER");
        console.type("#ruleForm\\:value", "+1900555*");
        select("ruleForm:action", "BLOCK");
        typeNumber("ruleForm:weight", "90");
        console.type("#ruleForm\\:description", "premium-rate robocalls");
        click("#ruleForm\\:add");
        awaitMessages("Rule added");
        browser.await(WAIT, "the rule is on the block list", d -> browser.find("#ruleTable\\:blockList").getText().contains("+1900555*"));

        console.type("#testForm\\:from", "+19005550123");
        click("#testForm\\:test");
        browser.await(WAIT, "the verdict is shown", d -> !browser.findAll("#testForm\\:score").isEmpty());
        assertEquals("block", console.text("#testForm\\:action"));
        assertTrue(Integer.parseInt(console.text("#testForm\\:score")) >= 90, console.text("#testForm\\:score"));
        String reasons = browser.findAll("#reasons .reason").stream().map(WebElement::getText).toList().toString();
        assertTrue(reasons.contains("matches block rule: number +1900555* – premium-rate robocalls (weight 90)"), reasons);
        console.screenshot("console-tenant-spam");

        console.type("#testForm\\:from", "+14155550142");
        click("#testForm\\:test");
        browser.await(WAIT, "a clean number is allowed", d -> "allow".equals(browser.find("#testForm\\:action").getText()));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'spam-rule.added'", tenant.id()));
        assertEquals(1L, audits(tenant), "testing a number changes nothing and is not audited");
    }

    @Test
    void aSpamRuleIsEditedWithTheSameChecksAndSwitchedOffAndOn() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Spam Edit Console Inc");
        long rulesBefore = Sql.count("select count(*) from spam_rules where tenant_id = ?", tenant.id()); // the defaults
        console.open("/tenant/spam.xhtml");
        select("ruleForm:type", "PATTERN");
        console.type("#ruleForm\\:value", "^\\+1900");
        select("ruleForm:action", "BLOCK");
        typeNumber("ruleForm:weight", "90");
        click("#ruleForm\\:add");
        awaitMessages("Rule added");
        assertEquals("block", verdictFor("+19005550123"));

        // edit: an invalid pattern is refused with the creation's message and nothing changes
        ruleRow("^\\+1900").findElement(org.openqa.selenium.By.cssSelector(".edit")).click();
        browser.await(WAIT, "the form edits the rule", d -> console.text("#ruleForm\\:rulePanel").contains("Edit the rule"));
        console.type("#ruleForm\\:value", "(unclosed");
        click("#ruleForm\\:add");
        awaitMessages("not a valid regular expression");
        assertEquals(1L, Sql.count("select count(*) from spam_rules where tenant_id = ? and rule_value = '^\\+1900' and weight = 90",
                tenant.id()), "a refused edit saves nothing");
        console.type("#ruleForm\\:value", "^\\+1900555");
        select("ruleForm:action", "FLAG");
        typeNumber("ruleForm:weight", "15");
        console.type("#ruleForm\\:description", "premium " + EVIL);
        click("#ruleForm\\:add");
        awaitMessages("Rule saved");
        assertEquals(1L, Sql.count("select count(*) from spam_rules where tenant_id = ? and rule_value = '^\\+1900555' and action = 'flag'"
                + " and weight = 15 and active", tenant.id()));
        assertEquals(rulesBefore + 1, Sql.count("select count(*) from spam_rules where tenant_id = ?", tenant.id()), "edited in place, not added");
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "the description is shown as text");
        assertTrue(console.text("#ruleForm\\:rulePanel").contains("Add a rule"), "after saving the form adds again");

        // switched off: shown as off, and screening ignores it
        ruleRow("^\\+1900555").findElement(org.openqa.selenium.By.cssSelector(".toggle")).click();
        awaitMessages("Rule switched off");
        browser.await(WAIT, "the rule is shown as off", d -> ruleRow("^\\+1900555").getAttribute("class").contains("rule-off"));
        assertEquals("off", ruleRow("^\\+1900555").findElement(org.openqa.selenium.By.cssSelector(".rule-state")).getText());
        assertEquals(1, browser.findAll("#ruleTable\\:rules tr.rule-off").size(), "only that rule is off");
        assertEquals("allow", verdictFor("+19005550123"));
        assertTrue(browser.findAll("#reasons .reason").isEmpty(), "an inactive rule gives no reason");
        console.screenshot("console-tenant-spam-rule-off");

        ruleRow("^\\+1900555").findElement(org.openqa.selenium.By.cssSelector(".toggle")).click();
        awaitMessages("Rule switched on");
        browser.await(WAIT, "the rule is shown as on", d -> browser.findAll("#ruleTable\\:rules tr.rule-off").isEmpty());
        browser.await(WAIT, "the flag rule screens again", d -> {
            verdictFor("+19005550123");
            return browser.findAll("#reasons .reason").stream().anyMatch(r -> r.getText().contains("premium"));
        });

        for (String action : List.of("spam-rule.added", "spam-rule.changed", "spam-rule.switched-off", "spam-rule.switched-on")) {
            assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = ?", tenant.id(), action), action);
        }
        assertEquals(4L, audits(tenant), "the refused edit is not audited");
    }

    /** Tests a number and waits for the redrawn verdict (the old panel goes stale), so no earlier verdict is read. */
    private static String verdictFor(String from) {
        console.type("#testForm\\:from", from);
        WebElement before = browser.find("#testForm\\:testPanel");
        click("#testForm\\:test");
        return browser.await(WAIT, "the verdict for " + from, d -> {
            try {
                before.isDisplayed();
                return null;
            } catch (org.openqa.selenium.WebDriverException redrawn) { // stale, or "does not belong to the document"
                List<WebElement> shown = browser.findAll("#testForm\\:action");
                return shown.isEmpty() ? null : shown.get(0).getText();
            }
        });
    }

    /** The rule table's row whose value is exactly this. */
    private static WebElement ruleRow(String value) {
        return browser.await(WAIT, "the row of rule " + value, d -> browser.findAll("#ruleTable\\:rules tbody tr").stream()
                .filter(r -> r.findElements(org.openqa.selenium.By.cssSelector(".rule-value")).stream().anyMatch(v -> v.getText().equals(value)))
                .findFirst().orElse(null));
    }

    @Test
    void theTwilioTokenAndOpenAiKeyAreWriteOnlyAndSettingsSave() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Settings Console SA");
        String sid = "AC" + "0123456789abcdef".repeat(2);
        String token = UUID.randomUUID().toString().replace("-", "");
        console.open("/tenant/twilio.xhtml");
        assertTrue(console.text("#twilioForm\\:tokenState").contains("No token stored"));
        console.type("#twilioForm\\:accountSid", sid);
        console.type("#twilioForm\\:authToken", token);
        click("#twilioForm\\:save");
        awaitMessages("Twilio settings saved");
        browser.await(WAIT, "the page says a token is stored", d -> browser.find("#twilioForm\\:tokenState").getText().contains("A token is stored"));
        assertEquals("", browser.find("#twilioForm\\:authToken").getAttribute("value"));
        console.open("/tenant/twilio.xhtml");
        assertFalse(browser.driver().getPageSource().contains(token), "the token is never sent back to the browser");
        assertEquals(sid, browser.find("#twilioForm\\:accountSid").getAttribute("value"));
        assertEquals(0L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and detail like ?", tenant.id(), "%" + token + "%"));

        // a new SID without its token is refused by the service, and the stored account stays
        console.type("#twilioForm\\:accountSid", "AC" + "fedcba9876543210".repeat(2));
        click("#twilioForm\\:save");
        awaitMessages("A new account SID needs its auth token");
        assertEquals(1L, Sql.count("select count(*) from telephony_settings where tenant_id = ? and twilio_account_sid = ?", tenant.id(), sid));

        console.open("/tenant/receptionist.xhtml");
        console.type("#receptionistForm\\:greeting", "Thanks for calling " + EVIL + ", how can I help?");
        select("receptionistForm:transport", "realtime");
        click("#receptionistForm\\:save");
        awaitMessages("Realtime voice needs an OpenAI API key");
        assertEquals(0L, Sql.count("select count(*) from receptionist_settings where tenant_id = ? and greeting like 'Thanks for calling%'",
                tenant.id()), "the refused save changed nothing, not even the greeting");
        String key = "sk-test" + UUID.randomUUID().toString().replace("-", "");
        console.type("#receptionistForm\\:openaiKey", key);
        click("#receptionistForm\\:save");
        awaitMessages("Receptionist saved");
        browser.await(WAIT, "the key is stored", d -> browser.find("#receptionistForm\\:keyState").getText().contains("A key is stored"));
        assertFalse(browser.driver().getPageSource().contains(key), "the OpenAI key is never sent back to the browser");
        assertEquals(1L, Sql.count("select count(*) from receptionist_settings where tenant_id = ? and transport = 'realtime'"
                + " and greeting = ?", tenant.id(), "Thanks for calling " + EVIL + ", how can I help?"));
        console.screenshot("console-tenant-receptionist");
        assertEquals(2L, audits(tenant), "one entry for the Twilio account, one for the receptionist");
    }

    @Test
    void anAdminAddsATransferRuleOnTheReceptionistPageAndAnInvalidOneIsRefused() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Transfer Rules Console Ltd");
        Api.Reply accounts = Api.post("/api/v1/departments", tenant.apiKey(), "{\"name\": \"Accounts\"}");
        assertEquals(201, accounts.status(), accounts.body());
        String accountsId = accounts.object().getString("id");
        console.open("/tenant/receptionist.xhtml");

        // no phrase: refused with the message, nothing stored
        console.type("#transferRuleForm\\:ruleName", "Billing");
        console.type("#transferRuleForm\\:rulePhrases", " , ");
        select("transferRuleForm:ruleTarget", "department:" + accountsId);
        click("#transferRuleForm\\:addRule");
        awaitMessages("A transfer rule needs at least one phrase");
        // a phrase over 100 characters: the same
        console.type("#transferRuleForm\\:rulePhrases", "invoice, " + "x".repeat(101));
        click("#transferRuleForm\\:addRule");
        awaitMessages("A phrase has at most 100 characters");
        assertEquals(0L, Sql.count("select count(*) from transfer_rules where tenant_id = ?", tenant.id()));

        console.type("#transferRuleForm\\:ruleName", "Billing " + EVIL);
        console.type("#transferRuleForm\\:rulePhrases", "invoice, billing, payment");
        click("#transferRuleForm\\:addRule");
        awaitMessages("Transfer rule added");
        browser.await(WAIT, "the rule is listed", d -> browser.find("#transferRuleTable").getText().contains("invoice, billing, payment"));
        String table = browser.find("#transferRuleTable").getText();
        assertTrue(table.contains("Billing " + EVIL) && table.contains("Accounts"), table);
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "the rule's name is shown as text, never as markup");
        assertEquals(1L, Sql.count("select count(*) from transfer_rules where tenant_id = ? and target_kind = 'department' and target_id = ?"
                + " and phrases = ? and active", tenant.id(), UUID.fromString(accountsId), "invoice\nbilling\npayment"));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'transfer-rule.added' and subject = ?",
                tenant.id(), "Billing " + EVIL));
        browser.script("document.getElementById('transferRuleTable').scrollIntoView({block: 'end'});");
        console.screenshot("console-tenant-transfer-rules");

        // switched off: listed as off, audited
        click("#transferRuleTable .toggle");
        awaitMessages("Transfer rule switched off");
        assertEquals(1L, Sql.count("select count(*) from transfer_rules where tenant_id = ? and not active", tenant.id()));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'transfer-rule.switched-off'",
                tenant.id()));

        // edited in the same form, with the same checks as a new rule: an invalid edit changes nothing
        click("#transferRuleTable .edit");
        browser.await(WAIT, "the form holds the rule", d -> browser.find("#transferRuleForm\\:addRule").getText().contains("Save rule"));
        console.type("#transferRuleForm\\:rulePhrases", " , ");
        click("#transferRuleForm\\:addRule");
        awaitMessages("A transfer rule needs at least one phrase");
        assertEquals(1L, Sql.count("select count(*) from transfer_rules where tenant_id = ? and phrases like '%payment%'", tenant.id()));
        console.type("#transferRuleForm\\:rulePhrases", "invoice, refund");
        click("#transferRuleForm\\:addRule");
        awaitMessages("Transfer rule saved");
        browser.await(WAIT, "the edited rule is listed", d -> browser.find("#transferRuleTable").getText().contains("invoice, refund"));
        assertEquals(1L, Sql.count("select count(*) from transfer_rules where tenant_id = ? and phrases like '%refund%'"
                + " and phrases not like '%payment%'", tenant.id()));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'transfer-rule.changed'",
                tenant.id()));

        // removed once the admin confirms
        click("#transferRuleTable .remove");
        browser.await(WAIT, "asked to confirm", d -> browser.find(".ui-confirmdialog-yes").isDisplayed());
        click(".ui-confirmdialog-yes");
        awaitMessages("Transfer rule removed");
        browser.await(WAIT, "the table is empty", d -> browser.find("#transferRuleTable").getText().contains("No transfer rules yet."));
        assertEquals(0L, Sql.count("select count(*) from transfer_rules where tenant_id = ?", tenant.id()));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action = 'transfer-rule.removed'",
                tenant.id()));
    }

    @Test
    void anotherTenantsIdsInTheUrlAreNotFound() {
        Browser.assumeAvailable();
        TestTenant other = TestTenant.provision("Other Tenant Console Co");
        Api.Reply agent = Api.post("/api/v1/agents", other.apiKey(), "{\"name\": \"Olga Other\", \"email\": \"olga@other.example\"}");
        assertEquals(201, agent.status(), agent.body());
        Api.Reply entry = Api.post("/api/v1/knowledge", other.apiKey(),
                "{\"question\": \"Secret question?\", \"answer\": \"Secret answer.\", \"language\": \"en\", \"priority\": 1}");
        assertEquals(201, entry.status(), entry.body());
        String otherAgent = agent.object().getString("id");
        String otherEntry = entry.object().getString("id");

        TestTenant tenant = signedInAdmin("Own Tenant Console Co");
        Api.Reply own = Api.post("/api/v1/agents", tenant.apiKey(), "{\"name\": \"Owen Own\", \"email\": \"owen@own.example\"}");
        assertEquals(201, own.status(), own.body());
        console.open("/tenant/agent.xhtml?id=" + own.object().getString("id"));
        assertEquals("Owen Own", browser.find("#agentForm\\:name").getAttribute("value"));

        for (String url : List.of("/tenant/agent.xhtml?id=" + otherAgent, "/tenant/knowledge-entry.xhtml?id=" + otherEntry,
                "/tenant/agent.xhtml?id=" + UUID.randomUUID(), "/tenant/agent.xhtml?id=not-an-id", "/tenant/knowledge-entry.xhtml")) {
            console.open(url);
            assertTrue(console.has("#notFound"), url + " answers not found: " + browser.driver().getPageSource());
            assertFalse(browser.driver().getPageSource().contains("Olga") || browser.driver().getPageSource().contains("Secret"), url);
        }
        console.screenshot("console-tenant-not-found");
    }

    @Test
    void everyCompanyPageOpensForAnAdmin() {
        Browser.assumeAvailable();
        signedInAdmin("Page Tour Console Ltd");
        for (String[] page : List.of(new String[] {"departments", "#departmentTable"}, new String[] {"numbers", "#numberTable"},
                new String[] {"twilio", "#twilioForm"}, new String[] {"hours", "#hoursForm"}, new String[] {"receptionist", "#receptionistForm"},
                new String[] {"knowledge", "#importForm"}, new String[] {"suggestions", "#suggestionForm"}, new String[] {"spam", "#testForm"},
                new String[] {"agents", "#inviteForm"})) {
            console.open("/tenant/" + page[0] + ".xhtml");
            assertTrue(console.has(page[1]), page[0] + ": " + browser.driver().getPageSource());
            if (List.of("departments", "numbers", "twilio", "suggestions").contains(page[0])) {
                console.screenshot("console-tenant-" + page[0]); // the other pages are photographed with content by their own tests
            }
        }
        // the default departments are there, and the emergency override changes what the hours page says
        console.open("/tenant/hours.xhtml");
        select("hoursForm:mode", "closed");
        click("#hoursForm\\:declare");
        awaitMessages("Company hours: emergency override set");
        browser.await(WAIT, "the company shows closed", d -> browser.find("#hoursForm\\:states").getText().contains("closed (emergency override)"));
        console.screenshot("console-tenant-hours-emergency");
    }

    @Test
    void weeklyHoursTimeZoneAndHolidaysAreEditedAndBadHoursRefused() {
        Browser.assumeAvailable();
        TestTenant tenant = signedInAdmin("Hours Console Oy");
        console.open("/tenant/hours.xhtml");
        assertEquals("09:00-17:00", browser.find(".hours-monday").getAttribute("value"), "the provisioned hours are shown");
        console.type("#weekForm\\:timeZone", "Mars/Olympus");
        click("#weekForm\\:saveWeek");
        awaitMessages("'Mars/Olympus' is not a time zone");
        console.type("#weekForm\\:timeZone", "America/New_York");
        console.type(".hours-monday", "08:00-12:00, 13:00-17:00");
        console.type(".hours-saturday", "10:00-09:00");
        click("#weekForm\\:saveWeek");
        awaitMessages("Saturday: opening hours must close after they open");
        console.type(".hours-saturday", "10:00-12:00, 11:00-13:00");
        click("#weekForm\\:saveWeek");
        awaitMessages("Saturday: 11:00-13:00 overlaps 10:00-12:00");
        console.type(".hours-saturday", "9-12");
        click("#weekForm\\:saveWeek");
        awaitMessages("Hours are like 09:00-17:00");
        assertEquals(0L, Sql.count("select count(*) from business_schedules where tenant_id = ? and time_zone = 'America/New_York'", tenant.id()),
                "nothing of the refused saves was stored");
        console.type(".hours-saturday", "");
        click("#weekForm\\:saveWeek");
        awaitMessages("Company hours: hours saved");
        assertEquals(1L, Sql.count("select count(*) from business_schedules where tenant_id = ? and department_id is null"
                + " and time_zone = 'America/New_York'", tenant.id()));
        assertEquals(6L, Sql.count("select count(*) from business_hours where tenant_id = ?", tenant.id()), "Tuesday to Friday, Monday twice");
        assertEquals(1L, Sql.count("select count(*) from business_hours where tenant_id = ? and day_of_week = 1 and opens_at = '13:00'"
                + " and closes_at = '17:00'", tenant.id()));
        browser.await(WAIT, "the saved hours are shown back", d -> "08:00-12:00, 13:00-17:00".equals(browser.find(".hours-monday").getAttribute("value")));

        console.type("#holidayForm\\:holidayDate", "2030-12-25");
        console.type("#holidayForm\\:holidayName", "Christmas " + EVIL);
        click("#holidayForm\\:addHoliday");
        awaitMessages("Holiday 2030-12-25 added");
        browser.await(WAIT, "the holiday is listed", d -> browser.find("#holidayForm").getText().contains("Christmas " + EVIL));
        assertTrue(browser.findAll("img[src='x']").isEmpty());
        console.screenshot("console-tenant-hours");
        console.type("#holidayForm\\:holidayDate", "2030-12-25");
        console.type("#holidayForm\\:holidayName", "Again");
        click("#holidayForm\\:addHoliday");
        awaitMessages("2030-12-25 is already a holiday");
        assertEquals(1L, Sql.count("select count(*) from holidays where tenant_id = ?", tenant.id()));
        click("#holidayForm .remove");
        awaitMessages("Holiday 2030-12-25 removed");
        assertEquals(0L, Sql.count("select count(*) from holidays where tenant_id = ?", tenant.id()));
        assertEquals(List.of("hours.changed", "hours.holiday-added", "hours.holiday-removed"),
                Sql.rows("select action from admin_audit_log where tenant_id = ? and action like 'hours.%' order by occurred_at", tenant.id())
                        .stream().map(r -> (String) r.get("action")).toList());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static TestTenant signedInAdmin(String name) {
        TestTenant tenant = TestTenant.provision(name);
        assertTrue(console.signIn(tenant.id().toString(), tenant.adminEmail(), tenant.adminPassword()), console.errorText());
        return tenant;
    }

    private static long audits(TestTenant tenant) {
        return Sql.count("select count(*) from admin_audit_log where tenant_id = ? and action <> 'console.signed-in'", tenant.id());
    }

    private static long knowledgeCount(TestTenant tenant) {
        return Sql.count("select count(*) from knowledge_base where tenant_id = ?", tenant.id());
    }

    private static void click(String css) {
        browser.find(css).click();
    }

    private static void select(String clientId, String value) {
        console.select(clientId, value);
    }

    /** A PrimeFaces inputNumber: typed into its visible field, which keeps the hidden submitted one in step. */
    private static void typeNumber(String clientId, String digits) {
        WebElement field = browser.find("#" + clientId.replace(":", "\\:") + "_input");
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        field.sendKeys(digits);
        field.sendKeys(org.openqa.selenium.Keys.TAB);
    }

    private static void awaitMessages(String... parts) {
        console.awaitMessages(parts);
    }

    private static Path file(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("csv");
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses the file and submits the import (a full page post: the page reloads). */
    private static void importCsv(Path file) {
        WebElement before = browser.find("#importForm");
        browser.find("#importForm input[type=file]").sendKeys(file.toAbsolutePath().toString());
        click("#importForm\\:import");
        browser.await(WAIT, "the page reloads after the import", d -> {
            try {
                before.isDisplayed();
                return false;
            } catch (org.openqa.selenium.WebDriverException reloaded) {
                // the old page's node is gone: usually a stale element, but Chromium sometimes reports it as
                // "Node with given id does not belong to the document"
                return true;
            }
        });
    }

    private static List<String> awaitProblems() {
        return browser.await(WAIT, "the import's problems are listed", d -> {
            List<String> problems = browser.findAll("#importForm .import-problem").stream().map(WebElement::getText).toList();
            return problems.isEmpty() ? null : problems;
        });
    }
}
