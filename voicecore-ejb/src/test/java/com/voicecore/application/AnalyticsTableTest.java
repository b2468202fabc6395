package com.voicecore.application;

import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.Occupancy;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tables' shape (the values to the byte are pinned by the REST module's AnalyticsTablesTest). */
class AnalyticsTableTest {

    static final UUID SALES = UUID.randomUUID();

    static AnalyticsReport report() {
        CallFigures f = new CallFigures(4, 1, 2, 1, 2, 2, 0, 0, 0, 1, 30, 2, 100, 20, 3, 1, 2, 1);
        return new AnalyticsReport(ReportPeriod.ofDates(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), ZoneOffset.UTC),
                MetricThresholds.DEFAULTS, ReportScope.TENANT, Instant.parse("2026-11-04T00:00:00Z"), f, new Occupancy(120, 120),
                List.of(new AnalyticsReport.Day(LocalDate.of(2026, 11, 1), f), new AnalyticsReport.Day(LocalDate.of(2026, 11, 2), CallFigures.NONE),
                        new AnalyticsReport.Day(LocalDate.of(2026, 11, 3), CallFigures.NONE)),
                IntStream.range(0, 24).mapToObj(h -> new AnalyticsReport.Hour(h, h == 9 ? f : CallFigures.NONE)).toList(),
                List.of(new AnalyticsReport.DepartmentRow(SALES, "Sales", f, new Occupancy(120, 120))),
                List.of(new AgentFigures(UUID.randomUUID(), SALES, "Ann", 2, 2, 30, 2, 100, 20, 3, 1, 120)));
    }

    @Test
    void everyRowHasACellPerColumnAndNoColumnNameTwice() {
        for (AnalyticsTable table : AnalyticsTable.values()) {
            List<String> header = table.header();
            assertEquals(header.size(), new HashSet<>(header).size(), table + ": " + header);
            table.rows(report()).forEach(row -> assertEquals(header.size(), row.size(), table + ": " + row));
        }
        assertEquals(List.of(1, 3, 24, 1, 1), List.of(AnalyticsTable.TOTALS.rows(report()).size(), AnalyticsTable.DAYS.rows(report()).size(),
                AnalyticsTable.HOURS.rows(report()).size(), AnalyticsTable.DEPARTMENTS.rows(report()).size(),
                AnalyticsTable.AGENTS.rows(report()).size()));
    }

    @Test
    void cellsAreTheReportsFiguresUnderTheirNames() {
        List<Object> sales = AnalyticsTable.DEPARTMENTS.rows(report()).get(0);
        List<String> header = AnalyticsTable.DEPARTMENTS.header();
        assertEquals(SALES, sales.get(header.indexOf("departmentId")));
        assertEquals(4L, sales.get(header.indexOf("calls")));
        assertEquals(15.0, sales.get(header.indexOf("averageSpeedOfAnswerSeconds")));
        assertEquals(50.0, sales.get(header.indexOf("occupancyPercent")));
        List<Object> quietDay = AnalyticsTable.DAYS.rows(report()).get(1);
        assertEquals("2026-11-02", quietDay.get(0));
        assertEquals(null, quietDay.get(AnalyticsTable.DAYS.header().indexOf("serviceLevelPercent")), "no calls: no rate, not 0");
        assertEquals(9L, AnalyticsTable.HOURS.rows(report()).get(9).get(0));
    }

    @Test
    void tablesAreFoundByNameInAnyCaseAndNamedForDownload() {
        assertEquals(List.of("totals", "days", "hours", "departments", "agents"), AnalyticsTable.codes());
        assertEquals(AnalyticsTable.AGENTS, AnalyticsTable.named("Agents").orElseThrow());
        assertTrue(AnalyticsTable.named("calls").isEmpty() && AnalyticsTable.named(null).isEmpty());
        assertEquals("analytics-days-2026-11-01-2026-11-03.csv", AnalyticsTable.DAYS.fileName(report()));
        assertTrue(AnalyticsTable.AGENTS.csv(report()).startsWith("agentId,departmentId,name,"));
    }
}
