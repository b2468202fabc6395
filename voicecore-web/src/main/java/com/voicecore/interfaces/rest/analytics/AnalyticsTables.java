package com.voicecore.interfaces.rest.analytics;

import com.voicecore.application.AnalyticsTable;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The report as JSON: each table's rows as objects whose fields are the table's columns
 * ({@link AnalyticsTable}, which the CSV exports use too, so JSON and CSV can never disagree).
 */
final class AnalyticsTables {

    private AnalyticsTables() {
    }

    /** The whole report as one JSON document. */
    static JsonObject json(AnalyticsReport report) {
        JsonObjectBuilder period = Json.createObjectBuilder()
                .add("from", report.period().firstDay().toString())
                .add("to", report.period().lastDay().toString())
                .add("timeZone", report.period().zone().getId())
                .add("start", report.period().start().toString())
                .add("end", report.period().end().toString());
        JsonObjectBuilder scope = Json.createObjectBuilder();
        report.scope().departmentId().ifPresentOrElse(d -> scope.add("departmentId", d.toString()), () -> scope.addNull("departmentId"));
        report.scope().agentId().ifPresentOrElse(a -> scope.add("agentId", a.toString()), () -> scope.addNull("agentId"));
        JsonObjectBuilder doc = Json.createObjectBuilder()
                .add("period", period)
                .add("scope", scope)
                .add("thresholds", Json.createObjectBuilder()
                        .add("serviceLevelSeconds", report.thresholds().serviceLevelSeconds())
                        .add("shortAbandonSeconds", report.thresholds().shortAbandonSeconds()))
                .add("generatedAt", report.generatedAt().toString())
                .add("totals", array(AnalyticsTable.TOTALS, report).getJsonObject(0));
        for (AnalyticsTable table : List.of(AnalyticsTable.DAYS, AnalyticsTable.HOURS, AnalyticsTable.DEPARTMENTS, AnalyticsTable.AGENTS)) {
            doc.add(table.code(), array(table, report));
        }
        return doc.build();
    }

    /** One table: an array of objects, one field per column. */
    static JsonArray array(AnalyticsTable table, AnalyticsReport report) {
        List<String> header = table.header();
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (List<Object> row : table.rows(report)) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            for (int i = 0; i < header.size(); i++) {
                add(o, header.get(i), row.get(i));
            }
            array.add(o);
        }
        return array.build();
    }

    private static void add(JsonObjectBuilder o, String name, Object v) {
        if (v == null) {
            o.addNull(name);
        } else if (v instanceof Long l) {
            o.add(name, l);
        } else if (v instanceof Integer i) {
            o.add(name, i);
        } else if (v instanceof Double d) {
            o.add(name, d);
        } else {
            o.add(name, v.toString());
        }
    }
}
