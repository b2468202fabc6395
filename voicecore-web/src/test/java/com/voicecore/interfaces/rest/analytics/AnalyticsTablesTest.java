package com.voicecore.interfaces.rest.analytics;

import com.voicecore.application.AnalyticsTable;
import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.domain.model.analytics.CallFigures;
import com.voicecore.domain.model.analytics.MetricThresholds;
import com.voicecore.domain.model.analytics.Occupancy;
import com.voicecore.domain.model.analytics.ReportPeriod;
import com.voicecore.domain.model.analytics.ReportScope;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The REST answers of the analytics API, to the byte: the JSON report and every table's CSV for a fixed
 * report (names with quotes, commas and formulas, absent rates, fractions) against files written by the
 * first version of this API, so moving the tables' columns elsewhere cannot change what clients get.
 */
class AnalyticsTablesTest {

    static final UUID SALES = UUID.fromString("6f1c2a54-0b7e-4d8e-9a51-3f5b8c2d7e10");
    static final UUID SUPPORT = UUID.fromString("a2b3c4d5-e6f7-4809-8a1b-2c3d4e5f6a7b");
    static final UUID AGENT = UUID.fromString("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a");
    static final UUID IDLE_AGENT = UUID.fromString("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f");

    /** A report with every kind of cell: counts, exact fractions, absent rates, awkward names. */
    static AnalyticsReport sample() {
        ZoneId zone = ZoneId.of("America/New_York");
        CallFigures busy = new CallFigures(5, 1, 1, 0, 3, 1, 2, 1, 0, 1, 12.5, 1, 60, 5, 2, 1, 1, 1);
        CallFigures quiet = new CallFigures(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        List<AnalyticsReport.Hour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new AnalyticsReport.Hour(h, h == 23 ? quiet : h == 10 ? busy : CallFigures.NONE));
        }
        return new AnalyticsReport(ReportPeriod.ofDates(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10), zone),
                new MetricThresholds(20, 5), new ReportScope(Optional.of(SALES), Optional.empty()),
                Instant.parse("2026-11-24T08:00:00.123456Z"), busy, new Occupancy(65, 130.25),
                List.of(new AnalyticsReport.Day(LocalDate.of(2026, 11, 9), quiet),
                        new AnalyticsReport.Day(LocalDate.of(2026, 11, 10), busy)),
                hours,
                List.of(new AnalyticsReport.DepartmentRow(SALES, "Sales, \"East\"", busy, new Occupancy(65, 130.25)),
                        new AnalyticsReport.DepartmentRow(SUPPORT, "=SUM(A1)", CallFigures.NONE, Occupancy.NONE)),
                List.of(new AgentFigures(AGENT, SALES, "=HYPERLINK(\"http://evil\")", 1, 1, 12.5, 1, 60, 5, 2, 1, 130.25),
                        new AgentFigures(IDLE_AGENT, null, "@Night\nshift", 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void theWholeReportAsJsonIsUnchanged() {
        assertEquals(golden("report.json"), AnalyticsTables.json(sample()).toString());
    }

    @Test
    void everyTableAsJsonAndCsvIsUnchanged() {
        for (AnalyticsTable table : AnalyticsTable.values()) {
            assertEquals(golden(table.code() + ".json"), AnalyticsTables.array(table, sample()).toString(), table.code());
            assertEquals(golden(table.code() + ".csv"), table.csv(sample()), table.code());
        }
    }

    static String golden(String file) {
        try (InputStream in = AnalyticsTablesTest.class.getResourceAsStream("/analytics/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
