package com.voicecore.it;

import com.voicecore.it.support.AnalyticsHistory;
import com.voicecore.it.support.AnalyticsHistory.Tenant;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.Browser;
import com.voicecore.it.support.Console;
import com.voicecore.it.support.ConsoleBrowser;
import com.voicecore.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.voicecore.it.support.AnalyticsHistory.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics dashboard (/admin/team/analytics.xhtml) in a real headless Chromium against the deployed
 * EAR, over a known history: the headline figures and a department's row are what docs/analytics.md's
 * definitions give for it, the charts draw the report's numbers, a table's CSV download is the API's CSV
 * for the same range, the filter lives in the URL, bad input is refused with the last good report kept,
 * another tenant's ids are not found, supervisors see the page and agents do not.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsConsoleIT {

    static final String RANGE = "from=2026-11-09&to=2026-11-10";
    static final String EVIL = "</script><img src=x onerror=alert(1)>";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String MENU_ENTRY = "#menu a[href$='/team/analytics.xhtml']";

    @RegisterExtension
    static final ConsoleBrowser ui = new ConsoleBrowser();

    static Browser browser;
    static Console console;
    static Tenant nyc;
    static Tenant rival;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void histories() {
        nyc = AnalyticsHistory.tenant("Dashboard NYC " + UUID.randomUUID(), "America/New_York", "Ann Answer");
        rival = AnalyticsHistory.tenant("Dashboard Rival " + UUID.randomUUID(), "Europe/Berlin", "Rival Secret Agent");
        for (Tenant t : List.of(nyc, rival)) {
            AnalyticsHistory.standardDay(t);
            // 12:00 in New York: waited 30 s in the Support queue, then left a 9 s message
            String at = "2026-11-10T17:00:00Z";
            UUID message = call(t, at, t.support(), null, "allow", "voicemail", 30, null, null, null);
            AnalyticsHistory.voicemail(t, message, at, t.support(), 35, 9);
        }
        Api.Reply evil = Api.post("/api/v1/departments", nyc.key(), "{\"name\": " + Api.str(EVIL) + "}");
        assertEquals(201, evil.status(), evil.body());
        browser = ui.browser();
        console = ui.console();
    }

    @Test
    void theDashboardShowsWhatTheDefinitionsGiveForAKnownHistory() {
        Browser.assumeAvailable();
        signInAdmin(nyc);
        console.open("/team/analytics.xhtml?" + RANGE);
        assertEquals("2026-11-09 to 2026-11-10", console.text("#period"));
        assertEquals("America/New_York", console.text("#zone"));
        // six calls: one spam-blocked; four queued (three in Sales, one in Support) of which one answered after
        // 12 s, two abandoned (one short, under 5 s), one to voicemail; one the receptionist resolved alone
        assertEquals("6", console.text("#calls"));
        assertEquals("1", console.text("#answered"));
        assertEquals("2", console.text("#abandoned"));
        assertEquals("50.0 % of queued", console.text("#abandonmentRate"), "2 of 4 queued");
        assertEquals("1", console.text("#voicemail"));
        assertEquals("12.0 s", console.text("#asa"));
        assertEquals("50.0 %", console.text("#serviceLevel"), "1 within 20 s of 1 answered + 2 abandoned - 1 short");
        assertEquals("65.0 s", console.text("#aht"), "60 s talk + 5 s wrap-up");
        assertEquals("100.0 %", console.text("#occupancy"), "65 s handled, never idle");
        assertEquals("100.0 %", console.text("#containment"));
        assertEquals("1", console.text("#spamBlocked"));

        assertEquals(List.of("Sales", "3", "1", "2", "66.7 %", "0", "12.0 s", "50.0 %", "65.0 s", "100.0 %"), departmentRow("Sales"));
        assertEquals(List.of("Support", "1", "0", "0", "0.0 %", "1", "–", "–", "–", "–"), departmentRow("Support"),
                "no answer, no agents: no averages, not zeros");
        assertEquals(List.of(EVIL, "0", "0", "0", "–", "0", "–", "–", "–", "–"), departmentRow(EVIL), "a name is text");
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "a department's name is never markup");
        assertEquals(List.of("Ann Answer", "1", "1", "65.0 s", "12.0 s", "0", "0", "100.0 %"), row("#tables\\:agents_data tr", "Ann Answer"));

        // the charts draw the report's numbers: 23:00 on the 9th, 10:00 x2, 11:00 x2, 12:00 on the 10th (New York)
        long[] hours = new long[24];
        hours[23] = 1;
        hours[10] = 2;
        hours[11] = 2;
        hours[12] = 1;
        assertEquals(Arrays.stream(hours).boxed().toList(), chartData("hourChart", 0));
        assertEquals(List.of(1L, 5L), chartData("dayChart", 3), "all calls per day");
        assertEquals(List.of(0L, 1L), chartData("dayChart", 2), "voicemail per day");
        Object labels = browser.script("return PF('departmentChart').chart.data.labels;");
        assertTrue(labels.toString().contains(EVIL), "the name reaches the chart as text: " + labels);
        assertEquals(Boolean.TRUE, browser.script("var c = document.querySelector('#hourChart canvas');"
                + "return c !== null && c.width > 0 && c.height > 0;"), "a drawn canvas");
        // tall enough for the figures and the charts in one picture (the charts' own height is fixed)
        browser.driver().manage().window().setSize(new Dimension(1280, 1100));
        console.screenshot("analytics");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        // a table's CSV download is the API's CSV for the same range, and matches the row on screen
        String csv = download("exportDepartments");
        assertEquals(Api.get("/api/v1/analytics/departments.csv?" + RANGE, nyc.key()).body(), csv);
        List<String> header = Arrays.asList(csv.split("\r\n")[0].split(","));
        String[] sales = Arrays.stream(csv.split("\r\n")).filter(l -> l.contains(",Sales,")).findFirst().orElseThrow().split(",");
        assertEquals(List.of("3", "1", "2", "0"), List.of(sales[header.indexOf("calls")], sales[header.indexOf("answered")],
                sales[header.indexOf("abandoned")], sales[header.indexOf("voicemail")]));
        assertTrue(csv.contains("," + EVIL + ","), "the name as it is (text, not a formula): " + csv);

        // a stricter threshold through the form: the 12 s answer no longer counts, and the URL follows
        console.type("#filters\\:threshold", "10");
        browser.find("#filters\\:show").click();
        browser.await(WAIT, "the dashboard redraws with 10 s", d -> "0.0 %".equals(console.text("#serviceLevel")) ? true : null);
        browser.await(WAIT, "the address bar holds the filter", d -> d.getCurrentUrl().contains("serviceLevelSeconds=10") ? true : null);
        String bookmark = browser.driver().getCurrentUrl();
        assertTrue(bookmark.contains("from=2026-11-09") && bookmark.contains("to=2026-11-10"), bookmark);
        browser.open(bookmark);
        assertEquals("0.0 %", console.text("#serviceLevel"), "the bookmark opens the same dashboard");
        assertEquals("10", browser.find("#filters\\:threshold").getAttribute("value"));

        // one department, chosen in the form
        console.select("filters:department", nyc.sales().toString());
        browser.find("#filters\\:show").click();
        browser.await(WAIT, "Sales alone", d -> "3".equals(console.text("#calls")) ? true : null);
        assertTrue(browser.driver().getCurrentUrl().contains("departmentId=" + nyc.sales()), browser.driver().getCurrentUrl());
    }

    @Test
    void badInputShowsAMessageAndKeepsTheLastGoodReport() {
        Browser.assumeAvailable();
        signInAdmin(nyc);
        console.open("/team/analytics.xhtml?" + RANGE);
        String before = browser.driver().getCurrentUrl();
        assertEquals("6", console.text("#calls"));

        setDate("from", "2026-11-10");
        setDate("to", "2026-11-01");
        browser.find("#filters\\:show").click();
        console.awaitMessages("'from' must not lie after 'to'");
        assertEquals("6", console.text("#calls"), "the last good report stays");
        assertEquals("2026-11-09 to 2026-11-10", console.text("#period"));
        assertEquals(before, browser.driver().getCurrentUrl(), "the address keeps the last good filter");

        setDate("from", "2025-01-01");
        setDate("to", "2026-11-10");
        browser.find("#filters\\:show").click();
        console.awaitMessages("A period covers at most 366 days");
        assertEquals("6", console.text("#calls"));

        console.type("#filters\\:threshold", "0");
        setDate("from", "2026-11-09");
        browser.find("#filters\\:show").click();
        console.awaitMessages("The service-level threshold lies between 1 and 3600 seconds");
        assertEquals("2026-11-09 to 2026-11-10", console.text("#period"));

        // a department that is gone by the time Show is pressed (deleted elsewhere): the message, the report stays
        Api.Reply night = Api.post("/api/v1/departments", nyc.key(), "{\"name\": \"Night shift " + UUID.randomUUID() + "\"}");
        assertEquals(201, night.status(), night.body());
        String nightId = night.object().getString("id");
        console.open("/team/analytics.xhtml?" + RANGE);
        console.select("filters:department", nightId);
        assertEquals(204, Api.delete("/api/v1/departments/" + nightId, nyc.key()).status());
        browser.find("#filters\\:show").click();
        console.awaitMessages("No department with id " + nightId);
        assertEquals("6", console.text("#calls"));

        // a bookmark with a refused range: the message, and the default period instead of an error page
        console.open("/team/analytics.xhtml?from=2026-11-10&to=2026-11-01");
        assertTrue(console.errorText().contains("'from' must not lie after 'to'"), console.errorText());
        assertTrue(console.has("#calls"), "the default period is shown");
        console.open("/team/analytics.xhtml?from=yesterday");
        assertTrue(console.errorText().contains("The start date must be a date like 2026-11-30"), console.errorText());
    }

    @Test
    void anotherTenantsIdsInTheUrlAreNotFoundAndShowNothingOfTheirs() {
        Browser.assumeAvailable();
        signInAdmin(nyc);
        for (String query : List.of("departmentId=" + rival.support(), "agentId=" + rival.agent(), "departmentId=" + UUID.randomUUID(),
                "agentId=" + UUID.randomUUID(), "departmentId=not-a-uuid", "agentId=42")) {
            console.open("/team/analytics.xhtml?" + RANGE + "&" + query);
            assertTrue(console.has("#notFound"), query + " is not found");
            assertFalse(console.has("#calls"), query + ": no figures");
            String page = browser.driver().getPageSource();
            assertFalse(page.contains("Rival") || page.contains("Secret"), query + ": nothing of the other tenant");
        }
        // the tenant's own department in the URL is its dashboard
        console.open("/team/analytics.xhtml?" + RANGE + "&departmentId=" + nyc.support());
        assertEquals("1", console.text("#calls"));
        assertEquals("1", console.text("#voicemail"));
        assertEquals(1, browser.findAll("#tables\\:departments_data tr").size(), "only Support");
    }

    @Test
    void aSupervisorSeesTheDashboardAndAnAgentDoesNot() {
        Browser.assumeAvailable();
        Tenant team = AnalyticsHistory.tenant("Dashboard Team " + UUID.randomUUID(), "America/New_York", "Ann Answer");
        AnalyticsHistory.standardDay(team);
        signInAdmin(team);
        String supervisor = "sue-" + UUID.randomUUID().toString().substring(0, 8) + "@team.example";
        String agent = "art-" + UUID.randomUUID().toString().substring(0, 8) + "@team.example";
        String supervisorPassword = console.invite("Sue Supervisor", supervisor, "150", "SUPERVISOR");
        String agentPassword = console.invite("Art Agent", agent, "151", "AGENT");

        assertTrue(console.signIn(team.t().id().toString(), supervisor, supervisorPassword), console.errorText());
        assertTrue(console.has(MENU_ENTRY), "the supervisor's menu has the dashboard");
        console.open("/team/analytics.xhtml?" + RANGE);
        assertEquals("5", console.text("#calls"));
        assertEquals("50.0 %", console.text("#serviceLevel"));

        assertTrue(console.signIn(team.t().id().toString(), agent, agentPassword), console.errorText());
        assertFalse(console.has(MENU_ENTRY), "the agent's menu has no dashboard");
        console.open("/team/analytics.xhtml?" + RANGE);
        assertFalse(console.has("#calls"), "an agent does not open the dashboard");
        String page = browser.driver().getPageSource();
        assertTrue(page.contains("Forbidden") || page.contains("403"), page);
    }

    private static void signInAdmin(Tenant t) {
        assertTrue(console.signIn(t.t().id().toString(), t.t().adminEmail(), t.t().adminPassword()), console.errorText());
    }

    /** A date typed as the picker's text, as a user typing it would submit it. */
    private static void setDate(String field, String date) {
        browser.script("document.getElementById('filters:' + arguments[0] + '_input').value = arguments[1];", field, date);
    }

    private static List<String> departmentRow(String name) {
        return row("#tables\\:departments_data tr", name);
    }

    /** The cells of the table row whose first cell is {@code name}, read inside a wait (tables are redrawn). */
    private static List<String> row(String rows, String name) {
        return browser.await(WAIT, "a row for " + name, d -> {
            for (WebElement row : browser.findAll(rows)) {
                List<String> cells = row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
                if (!cells.isEmpty() && cells.get(0).equals(name)) {
                    return cells;
                }
            }
            return null;
        });
    }

    /** One dataset of a drawn chart, as Chart.js holds it. */
    @SuppressWarnings("unchecked")
    private static List<Long> chartData(String widget, int dataset) {
        return browser.await(WAIT, widget + " is drawn", d -> {
            Object data = browser.script("var w = PF(arguments[0]); return w && w.chart ? w.chart.data.datasets[arguments[1]].data : null;",
                    widget, dataset);
            return data == null ? null : ((List<Object>) data).stream().map(v -> ((Number) v).longValue()).toList();
        });
    }

    /** Presses a table's "Export CSV" as the browser would post it (its session and the form's view state). */
    private static String download(String button) {
        String viewState = (String) browser.script(
                "return document.querySelector('#tables input[name=\"jakarta.faces.ViewState\"]').value;");
        HttpResponse<String> response = console.postAsBrowser("/team/analytics.xhtml", "tables=tables&"
                + URLEncoder.encode("tables:" + button, StandardCharsets.UTF_8) + "=&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), response.headers().toString());
        assertEquals("attachment; filename=\"analytics-departments-2026-11-09-2026-11-10.csv\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        return response.body();
    }
}
