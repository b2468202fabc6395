package com.voicecore.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Drives the admin console (/admin/) in the test browser: sign-in and sign-out through the real form,
 * screenshots for docs/screenshots/, and a platform admin made through the platform API.
 */
public final class Console {

    private final Browser browser;
    private final String base;

    public Console(Browser browser) {
        this(browser, Api.url(""));
    }

    /** A console on another server (e.g. one started with single sign-on on), given as {@code http://host:port}. */
    public Console(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public Browser browser() {
        return browser;
    }

    public static String url(String path) {
        return Api.url("/admin" + path);
    }

    /** The address of a console page on this console's server. */
    public String address(String path) {
        return base + "/admin" + path;
    }

    public void open(String path) {
        browser.open(address(path));
    }

    /** Signs in through the form (signing out first); answers whether the console's home page opened. */
    public boolean signIn(String tenant, String email, String password) {
        signOut();
        open("/login.xhtml");
        type("#signIn\\:tenant", tenant == null ? "" : tenant);
        type("#signIn\\:email", email);
        type("#signIn\\:password", password);
        browser.find("#signIn\\:submit").click();
        try {
            // a wait ends on a non-null answer other than FALSE: so the outcome is a word
            return "signed in".equals(browser.await(Duration.ofSeconds(20), "the sign-in answers", d -> {
                if (!browser.findAll("#signedInName").isEmpty()) {
                    return "signed in";
                }
                return browser.findAll("#messages .ui-messages-error").isEmpty() ? null : "refused";
            }));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The sign-in neither succeeded nor failed visibly: " + browser.driver().getCurrentUrl()
                    + "\n" + browser.driver().getPageSource(), e);
        }
    }

    public void signOut() {
        open("/");
        List<WebElement> button = browser.findAll("#signOutForm\\:signOut");
        if (!button.isEmpty()) {
            button.get(0).click();
            browser.await(Duration.ofSeconds(10), "the sign-in page shows", d -> !browser.findAll("#signIn").isEmpty());
        }
    }

    public String errorText() {
        return browser.findAll("#messages").stream().map(WebElement::getText).findFirst().orElse("");
    }

    public void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    public String text(String css) {
        return browser.find(css).getText();
    }

    /** The session cookie the browser holds for the console, to replay requests outside the browser. */
    public Optional<String> sessionCookie() {
        return Optional.ofNullable(browser.driver().manage().getCookieNamed("JSESSIONID")).map(c -> c.getName() + "=" + c.getValue());
    }

    /** A raw form POST with the browser's session (forged requests for the CSRF tests). */
    public HttpResponse<String> postAsBrowser(String path, String formBody) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address(path))).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody));
            sessionCookie().ifPresent(c -> request.header("Cookie", c));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the browser shows as docs/screenshots/{name}.png (the repository's docs, from voicecore-ear). */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("voicecore.screenshots", "../docs/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A platform admin made with the platform key; answers e-mail and the generated password. */
    public static String[] platformAdmin(String name) {
        String email = "ops-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@platform.example";
        Api.Reply reply = Api.post("/api/v1/platform/admins", TestEnvironment.platformKey(),
                "{\"email\": " + Api.str(email) + ", \"name\": " + Api.str(name) + "}");
        if (reply.status() != 201) {
            throw new IllegalStateException("platform admin not created: " + reply.status() + " " + reply.body());
        }
        return new String[] {reply.object().getString("email"), reply.object().getString("password")};
    }

    /** A PrimeFaces select (menu or radio): its submitted input set directly, as choosing in the widget would. */
    public void select(String clientId, String value) {
        Object done = browser.script("var id = arguments[0], v = arguments[1];"
                + "var menu = document.getElementById(id + '_input');"
                + "if (menu && menu.tagName === 'SELECT') { menu.value = v; return menu.value === v; }"
                + "var radios = document.querySelectorAll('input[name=\"' + id + '\"]');"
                + "for (var i = 0; i < radios.length; i++) { radios[i].checked = radios[i].value === v; if (radios[i].checked) return true; }"
                + "return false;", clientId, value);
        if (!Boolean.TRUE.equals(done)) {
            throw new AssertionError("no option " + value + " in " + clientId);
        }
    }

    /** Waits until the layout's messages show every one of {@code parts}; answers what they show. */
    public String awaitMessages(String... parts) {
        return browser.await(Duration.ofSeconds(20), "messages " + List.of(parts), d -> {
            String shown = browser.find("#messages").getText();
            for (String part : parts) {
                if (!shown.contains(part)) {
                    return null;
                }
            }
            return shown;
        });
    }

    /**
     * Invites a person on the company's agents page (signed in as its admin) with a role (AGENT, SUPERVISOR,
     * TENANT_ADMIN); answers the first password the page shows once.
     */
    public String invite(String name, String email, String extension, String role) {
        open("/tenant/agents.xhtml");
        type("#inviteForm\\:name", name);
        type("#inviteForm\\:email", email);
        type("#inviteForm\\:extension", extension);
        select("inviteForm:role", role);
        browser.find("#inviteForm\\:invite").click();
        return browser.await(Duration.ofSeconds(20), "the first password is shown", d -> {
            List<WebElement> shown = browser.findAll("#inviteForm\\:invitedPassword");
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
    }

    public boolean has(String css) {
        return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
    }
}
