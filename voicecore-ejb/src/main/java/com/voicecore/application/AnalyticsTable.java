package com.voicecore.application;

import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.Occupancy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables of an {@link AnalyticsReport} as named columns: the one definition of what each table holds,
 * in which order and under which names (docs/analytics.md), for the analytics API's JSON and CSV and the
 * console dashboard's CSV downloads, so no two of them can disagree. Cells are typed: {@code Long} counts,
 * {@code Double} exact seconds and rates ({@code null} where the denominator is 0), {@code UUID} ids and
 * {@code String} dates, zones and names.
 */
public enum AnalyticsTable {

    TOTALS("totals", new Shape<AnalyticsReport>(List::of, Columns.concat(
            List.of(new Column<>("from", r -> r.period().firstDay().toString()),
                    new Column<>("to", r -> r.period().lastDay().toString()),
                    new Column<>("timeZone", r -> r.period().zone().getId())),
            Columns.of(Columns.CALLS, AnalyticsReport::totals),
            Columns.of(Columns.OCCUPANCY, AnalyticsReport::occupancy)))),

    DAYS("days", new Shape<AnalyticsReport.Day>(AnalyticsReport::days, Columns.concat(
            List.of(new Column<>("date", d -> d.date().toString())),
            Columns.of(Columns.CALLS, AnalyticsReport.Day::figures)))),

    HOURS("hours", new Shape<AnalyticsReport.Hour>(AnalyticsReport::hours, Columns.concat(
            List.of(new Column<>("hour", h -> (long) h.hour())),
            Columns.of(Columns.CALLS, AnalyticsReport.Hour::figures)))),

    DEPARTMENTS("departments", new Shape<AnalyticsReport.DepartmentRow>(AnalyticsReport::departments, Columns.concat(
            List.of(new Column<>("departmentId", AnalyticsReport.DepartmentRow::departmentId),
                    new Column<>("name", AnalyticsReport.DepartmentRow::name)),
            Columns.of(Columns.CALLS, AnalyticsReport.DepartmentRow::figures),
            Columns.of(Columns.OCCUPANCY, AnalyticsReport.DepartmentRow::occupancy)))),

    AGENTS("agents", new Shape<AgentFigures>(AnalyticsReport::agents, Columns.AGENT));

    private final String code;
    private final Shape<?> shape;

    AnalyticsTable(String code, Shape<?> shape) {
        this.code = code;
        this.shape = shape;
    }

    /** The table's name in URLs and file names: totals, days, hours, departments, agents. */
    public String code() {
        return code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(AnalyticsTable::code).toList();
    }

    /** The table with that name (any case); empty for an unknown one. */
    public static Optional<AnalyticsTable> named(String code) {
        String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
    }

    /** The column names, in order (the same with or without rows). */
    public List<String> header() {
        return shape.columns().stream().map(Column::name).toList();
    }

    /** The rows of the report's table, each a list of cells in {@link #header()} order ({@code null}: no value). */
    public List<List<Object>> rows(AnalyticsReport report) {
        return shape.cells(report);
    }

    /** The table as CSV ({@link CsvExport}: RFC 4180, formulas defused). */
    public String csv(AnalyticsReport report) {
        return CsvExport.table(header(), rows(report));
    }

    /** The download's file name: {@code analytics-<table>-<first day>-<last day>.csv}. */
    public String fileName(AnalyticsReport report) {
        return "analytics-" + code + "-" + report.period().firstDay() + "-" + report.period().lastDay() + ".csv";
    }

    private record Column<R>(String name, Function<R, Object> value) {

        /** The same column read from a part of a bigger row (a day's figures, a department's occupancy). */
        <S> Column<S> from(Function<S, R> part) {
            return new Column<>(name, s -> value.apply(part.apply(s)));
        }
    }

    private record Shape<R>(Function<AnalyticsReport, List<R>> rows, List<Column<R>> columns) {

        List<List<Object>> cells(AnalyticsReport report) {
            List<List<Object>> table = new ArrayList<>();
            for (R row : rows.apply(report)) {
                List<Object> cells = new ArrayList<>(columns.size());
                columns.forEach(c -> cells.add(c.value().apply(row)));
                table.add(cells);
            }
            return table;
        }
    }

    /** The column groups several tables share (in their own class: enum constants are built before an enum's statics). */
    private static final class Columns {

        static final List<Column<CallFigures>> CALLS = List.of(
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

        /** The occupancy of a group of agents: their handle and idle time beside the percentage. */
        static final List<Column<Occupancy>> OCCUPANCY = List.of(
                new Column<>("agentHandleSeconds", Occupancy::handleSeconds),
                new Column<>("availableIdleSeconds", Occupancy::availableIdleSeconds),
                new Column<>("occupancyPercent", Occupancy::percent));

        static final List<Column<AgentFigures>> AGENT = List.of(
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

        private Columns() {
        }

        static <S, R> List<Column<S>> of(List<Column<R>> columns, Function<S, R> part) {
            return columns.stream().map(c -> c.from(part)).toList();
        }

        @SafeVarargs
        static <R> List<Column<R>> concat(List<Column<R>>... groups) {
            return Arrays.stream(groups).flatMap(List::stream).toList();
        }
    }
}
