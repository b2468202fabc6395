package com.voicecore.interfaces.rest.analytics;

import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.Occupancy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's tables as ordered rows of named cells: one definition of the columns serves the JSON
 * answer and the CSV export, so the two can never disagree.
 */
final class AnalyticsTables {

    static final List<String> NAMES = List.of("totals", "days", "hours", "departments", "agents");

    private record Column<T>(String name, Function<T, Object> value) {
    }

    private static final List<Column<CallFigures>> CALLS = List.of(
            new Column<>("calls", CallFigures::calls),
            new Column<>("spamBlocked", CallFigures::spamBlocked),
            new Column<>("answered", CallFigures::answered),
            new Column<>("voicemail", CallFigures::voicemail),
            new Column<>("queued", CallFigures::queued),
            new Column<>("queueAnswered", CallFigures::queueAnswered),
            new Column<>("abandoned", CallFigures::abandoned),
            new Column<>("shortAbandoned", CallFigures::shortAbandoned),
            new Column<>("queueVoicemail", CallFigures::queueVoicemail),
            new Column<>("answeredWithinThreshold", CallFigures::answeredWithinThreshold),
            new Column<>("waitSeconds", CallFigures::waitSeconds),
            new Column<>("averageSpeedOfAnswerSeconds", CallFigures::averageSpeedOfAnswerSeconds),
            new Column<>("serviceLevelPercent", CallFigures::serviceLevelPercent),
            new Column<>("abandonmentRatePercent", CallFigures::abandonmentRatePercent),
            new Column<>("handled", CallFigures::handled),
            new Column<>("talkSeconds", CallFigures::talkSeconds),
            new Column<>("wrapUpSeconds", CallFigures::wrapUpSeconds),
            new Column<>("handleSeconds", CallFigures::handleSeconds),
            new Column<>("averageHandleSeconds", CallFigures::averageHandleSeconds),
            new Column<>("offers", CallFigures::offers),
            new Column<>("missedOffers", CallFigures::missedOffers),
            new Column<>("reachedReceptionist", CallFigures::reachedReceptionist),
            new Column<>("contained", CallFigures::contained),
            new Column<>("containmentPercent", CallFigures::containmentPercent));

    private static final List<Column<AgentFigures>> AGENTS = List.of(
            new Column<>("agentId", AgentFigures::agentId),
            new Column<>("departmentId", AgentFigures::departmentId),
            new Column<>("name", AgentFigures::name),
            new Column<>("answered", AgentFigures::answered),
            new Column<>("queueAnswered", AgentFigures::queueAnswered),
            new Column<>("waitSeconds", AgentFigures::waitSeconds),
            new Column<>("averageSpeedOfAnswerSeconds", AgentFigures::averageSpeedOfAnswerSeconds),
            new Column<>("handled", AgentFigures::handled),
            new Column<>("talkSeconds", AgentFigures::talkSeconds),
            new Column<>("wrapUpSeconds", AgentFigures::wrapUpSeconds),
            new Column<>("handleSeconds", AgentFigures::handleSeconds),
            new Column<>("averageHandleSeconds", AgentFigures::averageHandleSeconds),
            new Column<>("offers", AgentFigures::offers),
            new Column<>("missedOffers", AgentFigures::missedOffers),
            new Column<>("availableIdleSeconds", AgentFigures::availableIdleSeconds),
            new Column<>("occupancyPercent", AgentFigures::occupancyPercent));

    private AnalyticsTables() {
    }

    /** One table of the report by name, as rows of named cells; empty for an unknown name. */
    static Optional<List<Map<String, Object>>> table(AnalyticsReport report, String name) {
        return Optional.ofNullable(switch (name) {
            case "totals" -> List.of(totals(report));
            case "days" -> report.days().stream().map(d -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", d.date().toString());
                return calls(row, d.figures());
            }).toList();
            case "hours" -> report.hours().stream().map(h -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hour", (long) h.hour());
                return calls(row, h.figures());
            }).toList();
            case "departments" -> report.departments().stream().map(d -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("departmentId", d.departmentId());
                row.put("name", d.name());
                calls(row, d.figures());
                return occupancy(row, d.occupancy());
            }).toList();
            case "agents" -> report.agents().stream().map(a -> {
                Map<String, Object> row = new LinkedHashMap<>();
                AGENTS.forEach(c -> row.put(c.name(), c.value().apply(a)));
                return row;
            }).toList();
            default -> null;
        });
    }

    private static Map<String, Object> totals(AnalyticsReport report) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("from", report.period().firstDay().toString());
        row.put("to", report.period().lastDay().toString());
        row.put("timeZone", report.period().zone().getId());
        calls(row, report.totals());
        return occupancy(row, report.occupancy());
    }

    private static Map<String, Object> calls(Map<String, Object> row, CallFigures f) {
        CALLS.forEach(c -> row.put(c.name(), c.value().apply(f)));
        return row;
    }

    /** The occupancy of a group of agents: their handle and idle time beside the percentage. */
    private static Map<String, Object> occupancy(Map<String, Object> row, Occupancy o) {
        row.put("agentHandleSeconds", o.handleSeconds());
        row.put("availableIdleSeconds", o.availableIdleSeconds());
        row.put("occupancyPercent", o.percent());
        return row;
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
                .add("totals", object(totals(report)));
        for (String name : List.of("days", "hours", "departments", "agents")) {
            doc.add(name, array(table(report, name).orElseThrow()));
        }
        return doc.build();
    }

    static jakarta.json.JsonArray array(List<Map<String, Object>> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        rows.forEach(r -> array.add(object(r)));
        return array.build();
    }

    static JsonObject object(Map<String, Object> row) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        row.forEach((k, v) -> {
            if (v == null) {
                o.addNull(k);
            } else if (v instanceof Long l) {
                o.add(k, l);
            } else if (v instanceof Integer i) {
                o.add(k, i);
            } else if (v instanceof Double d) {
                o.add(k, d);
            } else {
                o.add(k, v.toString());
            }
        });
        return o.build();
    }

    /**
     * RFC 4180: a header row of the column names, CRLF line ends, fields quoted when they hold a comma,
     * quote or line break. Text that a spreadsheet would run as a formula gets a leading apostrophe.
     */
    static String csv(List<Map<String, Object>> rows, List<String> header) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header.stream().map(AnalyticsTables::field).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String name : header) {
                Object v = row.get(name);
                cells.add(v == null ? "" : v instanceof String s ? field(defuse(s)) : field(v.toString()));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** The header of a table (known even when it has no rows). */
    static List<String> header(String name) {
        return switch (name) {
            case "agents" -> AGENTS.stream().map(Column::name).toList();
            default -> {
                // the first row's names; a table without rows is built from an empty report's shape
                List<String> names = new ArrayList<>();
                switch (name) {
                    case "totals" -> names.addAll(List.of("from", "to", "timeZone"));
                    case "days" -> names.add("date");
                    case "hours" -> names.add("hour");
                    case "departments" -> names.addAll(List.of("departmentId", "name"));
                    default -> throw new IllegalArgumentException(name);
                }
                CALLS.forEach(c -> names.add(c.name()));
                if (name.equals("totals") || name.equals("departments")) {
                    names.addAll(List.of("agentHandleSeconds", "availableIdleSeconds", "occupancyPercent"));
                }
                yield names;
            }
        };
    }

    private static String defuse(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String normalise(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
