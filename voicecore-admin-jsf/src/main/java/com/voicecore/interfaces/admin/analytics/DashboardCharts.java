package com.voicecore.interfaces.admin.analytics;

import com.voicecore.domain.model.analytics.AnalyticsReport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The dashboard's charts as Chart.js configurations for PrimeFaces' {@code p:chart} (PrimeFaces 15 takes a
 * Chart.js JSON document; its old Java chart models are gone). Built with JSON-P, and made safe to stand
 * inside the page's {@code <script>}: PrimeFaces writes the document there as it is, and department names
 * are tenant text, so {@code < > &} are written as JSON escapes (they can only occur inside strings).
 */
final class DashboardCharts {

    static final String CALLS = "#2563eb";
    static final String ANSWERED = "#16a34a";
    static final String ABANDONED = "#dc2626";
    static final String VOICEMAIL = "#d97706";

    private DashboardCharts() {
    }

    /** Calls and answered calls per hour of the day (0–23, the tenant's wall clock), over the period. */
    static String hours(AnalyticsReport report) {
        List<AnalyticsReport.Hour> hours = report.hours();
        return bar(labels(hours, h -> String.format(Locale.ROOT, "%02d", h.hour())), false,
                dataset("Calls", CALLS, hours, h -> h.figures().calls()),
                dataset("Answered", ANSWERED, hours, h -> h.figures().answered()));
    }

    /** Each day's answered, abandoned and voicemail calls stacked, with all of the day's calls as a line. */
    static String days(AnalyticsReport report) {
        List<AnalyticsReport.Day> days = report.days();
        return bar(labels(days, d -> d.date().toString()), true,
                dataset("Answered", ANSWERED, days, d -> d.figures().answered()).add("stack", "outcome"),
                dataset("Abandoned", ABANDONED, days, d -> d.figures().abandoned()).add("stack", "outcome"),
                dataset("Voicemail", VOICEMAIL, days, d -> d.figures().voicemail()).add("stack", "outcome"),
                dataset("Calls", CALLS, days, d -> d.figures().calls()).add("type", "line").add("stack", "calls")
                        .add("fill", false).add("borderColor", CALLS));
    }

    /** Calls, answered, abandoned and voicemail per department, side by side. */
    static String departments(AnalyticsReport report) {
        List<AnalyticsReport.DepartmentRow> rows = report.departments();
        return bar(labels(rows, AnalyticsReport.DepartmentRow::name), false,
                dataset("Calls", CALLS, rows, d -> d.figures().calls()),
                dataset("Answered", ANSWERED, rows, d -> d.figures().answered()),
                dataset("Abandoned", ABANDONED, rows, d -> d.figures().abandoned()),
                dataset("Voicemail", VOICEMAIL, rows, d -> d.figures().voicemail()));
    }

    private static <T> JsonArrayBuilder labels(List<T> rows, Function<T, String> label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        rows.forEach(r -> labels.add(label.apply(r)));
        return labels;
    }

    private static <T> JsonObjectBuilder dataset(String label, String colour, List<T> rows, ToLongFunction<T> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(r -> data.add(value.applyAsLong(r)));
        return Json.createObjectBuilder().add("label", label).add("backgroundColor", colour).add("data", data);
    }

    @SafeVarargs
    private static String bar(JsonArrayBuilder labels, boolean stacked, JsonObjectBuilder... datasets) {
        JsonArrayBuilder sets = Json.createArrayBuilder();
        for (JsonObjectBuilder d : datasets) {
            sets.add(d);
        }
        JsonObject config = Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", stacked))
                                .add("y", Json.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build();
        return scriptSafe(config.toString());
    }

    /** JSON that cannot end the script element or a CDATA section it stands in: {@code < > &} as \\u escapes. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
