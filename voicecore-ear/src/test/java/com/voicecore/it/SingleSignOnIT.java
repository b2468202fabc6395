package com.voicecore.it;

import com.voicecore.it.support.Api;
import com.voicecore.it.support.Browser;
import com.voicecore.it.support.Console;
import com.voicecore.it.support.Sql;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.it.support.TestTenant;
import com.voicecore.oidc.fake.FakeOpenIdProvider;
import com.voicecore.oidc.fake.FakeOpenIdProvider.Client;
import com.voicecore.oidc.fake.FakeOpenIdProvider.Fault;
import com.voicecore.oidc.fake.FakeOpenIdProvider.User;
import com.voicecore.run.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corporate single sign-on end to end, in a real headless Chromium: a VoiceCore started here with
 * {@code voicecore.console.oidc.*} switched on (environment variables, as an operator would set them; a port
 * offset of its own, on the suite's database) against {@link FakeOpenIdProvider}, a provider on loopback that
 * speaks the real protocol. The suite's other servers keep single sign-on off (the default), as ConsoleIT shows.
 */
class SingleSignOnIT {

    static final String CLIENT_ID = "voicecore-console";
    static final String CLIENT_SECRET = "s3cret-" + UUID.randomUUID();
    static final String DOMAIN = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    static FakeOpenIdProvider provider;
    static ServerProcess server;
    static String base;
    static Browser browser;
    static Console console;
    static TestTenant company;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        provider = FakeOpenIdProvider.start();
        int offset = Integer.getInteger("voicecore.test.sso.port.offset", Api.offset() + 50);
        base = "http://127.0.0.1:" + (8080 + offset);
        provider.register(new Client(CLIENT_ID, CLIENT_SECRET, Set.of(base + "/admin/oidc/callback"),
                Set.of(base + "/admin/login.xhtml?signedOut=true")));
        Map<String, String> env = ServerProcess.environment(TestEnvironment.database(), TestEnvironment.platformKey(), base);
        env.put("VOICECORE_NODE_ID", "voicecore-sso");
        env.put("VOICECORE_CONSOLE_OIDC_ENABLED", "true");
        env.put("VOICECORE_CONSOLE_OIDC_PROVIDER_URI", provider.issuer());
        env.put("VOICECORE_CONSOLE_OIDC_CLIENT_ID", CLIENT_ID);
        env.put("VOICECORE_CONSOLE_OIDC_CLIENT_SECRET", CLIENT_SECRET);
        env.put("VOICECORE_CONSOLE_OIDC_TENANT", DOMAIN);
        env.put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true -Dvoicecore.security.pbkdf2-iterations=1000");
        Path module = Path.of("").toAbsolutePath();
        Path work = module.resolve("target/sso-node");
        server = ServerProcess.start(module.resolve("target/server"), work.resolve("wildfly"), module.resolve("target/voicecore.ear"),
                env, offset, work.resolve("console.log"));
        server.awaitReady(Duration.ofMinutes(3));

        Api.Reply created = Api.send("POST", base + "/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": \"Single Sign-On Corp\", \"domain\": " + Api.str(DOMAIN) + ", \"adminEmail\": "
                        + Api.str("admin@" + DOMAIN) + "}", "application/json");
        assertEquals(201, created.status(), created.body());
        company = TestTenant.of(created.object());
        browser = Browser.start();
        console = new Console(browser, base);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A user of the company, added beside its first admin (same table, another role). */
    static String companyUser(String localPart, String role) {
        String email = localPart + "@" + DOMAIN;
        assertEquals(1, Sql.update("insert into tenant_users (tenant_id, email, display_name, password_hash, role)"
                + " select tenant_id, ?, ?, password_hash, ? from tenant_users where tenant_id = ? limit 1", email, localPart, role, company.id()));
        return email;
    }

    /**
     * Clicks "single sign-on" on the console's sign-in page and, if the provider asks, signs in there; answers
     * where the browser ends up: "console" (signed in), "denied", "failed" or "provider" (the provider's page).
     */
    static String singleSignOn(String email, String password) {
        if (email != null) {
            provider.endAllSessions(); // a fresh sign-in at the provider, not a previous test's user
        }
        console.signOut();
        console.open("/login.xhtml");
        browser.find("#singleSignOn").click();
        String first = outcome();
        if (!"provider".equals(first) || email == null) {
            return first;
        }
        browser.find("#username").sendKeys(email);
        browser.find("#password").sendKeys(password);
        browser.find("#providerSignIn").click();
        return outcome();
    }

    static String outcome() {
        try {
            return browser.await(Duration.ofSeconds(20), "single sign-on ends somewhere", d -> {
                if (!browser.findAll("#signedInName").isEmpty()) {
                    return "console";
                }
                if (!browser.findAll("#ssoDenied").isEmpty()) {
                    return "denied";
                }
                if (!browser.findAll("#ssoFailed").isEmpty()) {
                    return "failed";
                }
                return browser.findAll("#providerSignIn").isEmpty() ? null : "provider";
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Neither the console, its sign-in page nor the provider's: " + browser.driver().getCurrentUrl()
                    + "\n" + browser.driver().getPageSource(), e);
        }
    }

    static void assertSignedOut() {
        console.open("/");
        browser.await(Duration.ofSeconds(10), "nobody is signed in: the console asks for sign-in",
                d -> d.getCurrentUrl().contains("/admin/login.xhtml") && !browser.findAll("#signIn").isEmpty());
    }

    @Test
    void aCompanyUserSignsInThroughTheProviderLandsWithTheirRolesMenuAndSignsOutThereToo() {
        String admin = company.adminEmail();
        provider.add(User.of(admin, "corp-pass-1"));
        console.signOut();
        console.open("/");
        browser.await(Duration.ofSeconds(10), "an unsigned visitor is sent to the sign-in page, which offers single sign-on",
                d -> d.getCurrentUrl().contains("/admin/login.xhtml") && !browser.findAll("#singleSignOn").isEmpty());
        console.screenshot("console-sso-sign-in");
        int tokenCalls = provider.tokenRequests().size();
        String before = console.sessionCookie().orElse("none");

        assertEquals("console", singleSignOn(admin, "corp-pass-1"));
        assertFalse(before.equals(console.sessionCookie().orElseThrow()), "signed in, the browser holds another session id (no fixation)");
        assertEquals("Single Sign-On Corp", console.text("#signedInTenant"));
        assertEquals(admin, console.text("#welcomeEmail"));
        String menu = console.text("#menu");
        assertTrue(menu.contains("Company"), menu);
        assertFalse(menu.contains("Platform"), menu);
        console.open("/tenant/agents.xhtml");
        assertTrue(console.has("#signedInName") && !browser.driver().getPageSource().contains("Forbidden"), "a tenant admin's page opens");

        // what the console asked of the provider: the code flow with the registered redirect URI, state and nonce
        Map<String, String> asked = provider.authorizationRequests().get(provider.authorizationRequests().size() - 1);
        assertEquals(base + "/admin/oidc/callback", asked.get("redirect_uri"));
        assertEquals("code", asked.get("response_type"));
        assertEquals(CLIENT_ID, asked.get("client_id"));
        assertTrue(List.of(asked.get("scope").split(" ")).containsAll(List.of("openid", "email")), asked.get("scope"));
        assertNotNull(asked.get("state"));
        assertNotNull(asked.get("nonce"));
        Map<String, String> exchanged = provider.tokenRequests().get(tokenCalls);
        assertEquals("authorization_code", exchanged.get("grant_type"));
        assertEquals(base + "/admin/oidc/callback", exchanged.get("redirect_uri"));
        assertEquals(1L, Sql.count("select count(*) from admin_audit_log where tenant_id = ? and actor = ? and action = 'console.signed-in'"
                + " and detail = 'single sign-on'", company.id(), admin), "the sign-in is in the company's audit log");

        // sign-out ends the console session and, through the provider's end-session address, the provider's
        console.signOut();
        Map<String, String> logout = provider.logouts().get(provider.logouts().size() - 1);
        assertEquals(base + "/admin/login.xhtml?signedOut=true", logout.get("post_logout_redirect_uri"));
        assertNotNull(logout.get("id_token_hint"));
        assertTrue(browser.driver().getCurrentUrl().startsWith(base + "/admin/login.xhtml?signedOut=true"), browser.driver().getCurrentUrl());
        assertSignedOut();
        assertEquals("provider", singleSignOn(null, null), "the provider asks for the password again: its session ended too");
    }

    @Test
    void theCompanysRoleDecidesNeverAGroupsClaimFromTheProvider() {
        String sam = companyUser("sam", "supervisor");
        provider.add(User.of(sam, "corp-pass-2").withExtraClaims(Map.of("groups", List.of("platform-admin", "tenant-admin"))));
        assertEquals("console", singleSignOn(sam, "corp-pass-2"));
        String menu = console.text("#menu");
        assertFalse(menu.contains("Platform"), menu);
        assertFalse(menu.contains("Company"), menu);
        for (String page : List.of("/platform/tenants.xhtml", "/tenant/agents.xhtml")) {
            console.open(page);
            assertTrue(browser.driver().getPageSource().contains("Forbidden") || browser.driver().getPageSource().contains("403"),
                    page + " must stay closed to a supervisor whatever the provider's groups say");
        }
        console.open("/team/wallboard.xhtml");
        assertTrue(console.has("#signedInName"), "a supervisor's page opens");
    }

    @Test
    void aUserTheProviderKnowsButTheCompanyDoesNotGetsNoAccessNorOneWithAnUnverifiedEmail() {
        provider.add(User.of("eve@" + DOMAIN, "corp-pass-3"));
        assertEquals("denied", singleSignOn("eve@" + DOMAIN, "corp-pass-3"));
        console.screenshot("console-sso-denied");
        assertSignedOut();

        String una = companyUser("una", "agent");
        provider.add(User.of(una, "corp-pass-4").withUnverifiedEmail());
        provider.endAllSessions();
        assertEquals("denied", singleSignOn(una, "corp-pass-4"), "the provider says it has not verified the e-mail");
        assertSignedOut();
    }

    @Test
    void anEmailTheProviderGivesOnlyFromUserinfoIsFoundThere() {
        String ana = companyUser("ana", "agent");
        provider.add(User.of(ana, "corp-pass-5").withEmailOnlyFromUserInfo());
        provider.endAllSessions();
        assertEquals("console", singleSignOn(ana, "corp-pass-5"));
        assertEquals(ana, console.text("#welcomeEmail"));
    }

    @Test
    void tokensForAnotherClientFromAnotherIssuerBadlySignedUnsignedExpiredOrWithAnotherNonceAreRefused() throws Exception {
        String ida = companyUser("ida", "tenant_admin");
        provider.add(User.of(ida, "corp-pass-6"));
        try {
            for (Fault fault : Fault.values()) {
                provider.misbehaveOnce(fault);
                assertEquals("failed", singleSignOn(ida, "corp-pass-6"), fault + " must be refused");
                assertSignedOut();
            }
        } finally {
            provider.misbehaveOnce(null);
        }
        assertEquals("console", singleSignOn(ida, "corp-pass-6"), "and a good token still works");
        assertEquals(ida, console.text("#welcomeEmail"));
        // Jakarta Security itself checks no signature on an alg-none token; the console's own check refused it
        assertTrue(Files.readString(Path.of("").toAbsolutePath().resolve("target/sso-node/console.log"))
                .contains("Single sign-on refused: an unsigned ID token"));
    }

    @Test
    void aForgedCallbackOrTheProvidersErrorAnswerSignsNobodyInAndShowsNoErrorPage() throws Exception {
        console.signOut();
        console.open("/oidc/callback?code=made-up&state=" + UUID.randomUUID());
        assertEquals("failed", outcome());
        assertSignedOut();
        console.open("/oidc/callback?error=access_denied&state=" + UUID.randomUUID());
        assertEquals("failed", outcome(), "the provider's error answer (a user who cancelled) is said on the sign-in page");
        String log = Files.readString(Path.of("").toAbsolutePath().resolve("target/sso-node/console.log"));
        assertFalse(log.contains(CLIENT_SECRET), "the client secret is never logged");
    }

    @Test
    void platformAdminsAndOtherCompaniesKeepTheFormTheSingleSignOnCompanyDoesNot() {
        Api.Reply admin = Api.send("POST", base + "/api/v1/platform/admins", TestEnvironment.platformKey(),
                "{\"email\": " + Api.str("ops-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.example")
                        + ", \"name\": \"Ops\"}", "application/json");
        assertEquals(201, admin.status(), admin.body());
        assertTrue(console.signIn("", admin.object().getString("email"), admin.object().getString("password")), console.errorText());
        assertTrue(console.text("#menu").contains("Platform"));

        Api.Reply other = Api.send("POST", base + "/api/v1/platform/tenants", TestEnvironment.platformKey(),
                "{\"name\": \"Form Sign-in Ltd\", \"adminEmail\": " + Api.str("admin@form-" + UUID.randomUUID().toString().substring(0, 8)
                        + ".example") + "}", "application/json");
        assertEquals(201, other.status(), other.body());
        TestTenant form = TestTenant.of(other.object());
        assertTrue(console.signIn(form.id().toString(), form.adminEmail(), form.adminPassword()), console.errorText());
        assertEquals("Form Sign-in Ltd", console.text("#signedInTenant"));

        assertFalse(console.signIn(DOMAIN, company.adminEmail(), company.adminPassword()),
                "the single sign-on company's password sign-in is closed, the right password included");
        assertTrue(console.errorText().contains("Sign-in failed"), console.errorText());
    }
}
