package com.voicecore.interfaces.admin.analytics;

import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.Occupancy;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The dashboard's charts show the report's own figures (nothing recomputed, nothing lost), under the
 * names the tenant gave its departments, and no name can break out of the page's script.
 */
class DashboardChartsTest {

    static final String SCRIPT = "</script><script>alert(1)</script> ]]> & <!--";

    @Test
    @DisplayName("Property 20: Analytics Generation")
    void theChartsShowTheReportsFiguresAndNoNameLeavesTheScript() {
        Gen<String> names = strings().allPossible().ofLengthBetween(0, 12).mix(strings().basicLatinAlphabet().ofLengthBetween(1, 8)
                .map(s -> s + SCRIPT), 30);
        qt().withExamples(200)
                .forAll(integers().between(1, 40), lists().of(names).ofSizeBetween(0, 6), integers().between(0, 1_000_000))
                .checkAssert((days, departmentNames, seed) -> {
                    AnalyticsReport report = report(days, departmentNames, seed);
                    String hours = DashboardCharts.hours(report);
                    String perDay = DashboardCharts.days(report);
                    String perDepartment = DashboardCharts.departments(report);
                    for (String chart : List.of(hours, perDay, perDepartment)) {
                        assertFalse(chart.contains("<") || chart.contains(">") || chart.contains("&"), chart);
                    }
                    JsonObject h = parse(hours);
                    assertEquals(IntStream.range(0, 24).mapToObj(i -> String.format("%02d", i)).toList(), texts(labels(h)));
                    assertEquals(values(report.hours(), x -> x.figures().calls()), numbers(h, 0));
                    assertEquals(values(report.hours(), x -> x.figures().answered()), numbers(h, 1));

                    JsonObject d = parse(perDay);
                    assertEquals(report.days().stream().map(x -> x.date().toString()).toList(), texts(labels(d)));
                    assertEquals(values(report.days(), x -> x.figures().answered()), numbers(d, 0));
                    assertEquals(values(report.days(), x -> x.figures().abandoned()), numbers(d, 1));
                    assertEquals(values(report.days(), x -> x.figures().voicemail()), numbers(d, 2));
                    assertEquals(values(report.days(), x -> x.figures().calls()), numbers(d, 3));

                    JsonObject p = parse(perDepartment);
                    assertEquals(departmentNames, texts(labels(p)), "the names exactly as the tenant wrote them");
                    assertEquals(values(report.departments(), x -> x.figures().calls()), numbers(p, 0));
                    assertEquals(values(report.departments(), x -> x.figures().voicemail()), numbers(p, 3));
                });
    }

    @Test
    void aNameThatClosesTheScriptStaysAString() {
        String safe = DashboardCharts.scriptSafe(Json.createObjectBuilder().add("label", SCRIPT + "\u2028").build().toString());
        assertEquals("{\"label\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e ]]\\u003e \\u0026 \\u003c!--\\u2028\"}", safe);
        assertEquals(SCRIPT + "\u2028", parse(safe).getString("label"));
    }

    @Test
    void daysStackTheirOutcomesBesideALineOfAllCalls() {
        JsonObject d = parse(DashboardCharts.days(report(3, List.of("Sales"), 7)));
        assertEquals("bar", d.getString("type"));
        assertEquals(true, d.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getBoolean("stacked"));
        JsonArray sets = d.getJsonObject("data").getJsonArray("datasets");
        assertEquals(List.of("outcome", "outcome", "outcome", "calls"), sets.stream().map(s -> s.asJsonObject().getString("stack")).toList());
        assertEquals("line", sets.getJsonObject(3).getString("type"));
    }

    static AnalyticsReport report(int days, List<String> departmentNames, int seed) {
        java.util.Random random = new java.util.Random(seed);
        LocalDate first = LocalDate.of(2026, 3, 1);
        List<AnalyticsReport.Day> dayRows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            dayRows.add(new AnalyticsReport.Day(first.plusDays(i), figures(random)));
        }
        List<AnalyticsReport.Hour> hours = IntStream.range(0, 24).mapToObj(h -> new AnalyticsReport.Hour(h, figures(random))).toList();
        List<AnalyticsReport.DepartmentRow> departments = departmentNames.stream()
                .map(n -> new AnalyticsReport.DepartmentRow(UUID.randomUUID(), n, figures(random), new Occupancy(random.nextInt(999), random.nextInt(999))))
                .toList();
        return new AnalyticsReport(ReportPeriod.ofDates(first, first.plusDays(days - 1), ZoneId.of("Europe/Berlin")), MetricThresholds.DEFAULTS,
                ReportScope.TENANT, Instant.parse("2026-11-24T00:00:00Z"), figures(random), Occupancy.NONE, dayRows, hours, departments,
                List.<AgentFigures>of());
    }

    private static CallFigures figures(java.util.Random r) {
        return new CallFigures(r.nextInt(500), r.nextInt(9), r.nextInt(400), r.nextInt(50), r.nextInt(300), r.nextInt(300), r.nextInt(60),
                r.nextInt(10), r.nextInt(10), r.nextInt(200), r.nextDouble() * 1e4, r.nextInt(300), r.nextInt(99_999), r.nextInt(9_999),
                r.nextInt(400), r.nextInt(40), r.nextInt(300), r.nextInt(200));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonArray labels(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("labels");
    }

    private static List<String> texts(JsonArray array) {
        return array.stream().map(v -> ((JsonString) v).getString()).toList();
    }

    private static List<Long> numbers(JsonObject chart, int dataset) {
        return chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(dataset).getJsonArray("data").stream()
                .map(v -> ((jakarta.json.JsonNumber) v).longValueExact()).toList();
    }

    private static <T> List<Long> values(List<T> rows, ToLongFunction<T> value) {
        return rows.stream().map(r -> value.applyAsLong(r)).toList();
    }

}
