package com.voicecore.interfaces.admin.analytics;

import com.voicecore.application.AnalyticsQuery;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's filter as it stands in the URL: read, refused, and written back for a bookmark. */
class DashboardFilterTest {

    static final UUID SALES = UUID.fromString("6f1c2a54-0b7e-4d8e-9a51-3f5b8c2d7e10");
    static final UUID ANN = UUID.fromString("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a");

    @Test
    void aBookmarkIsReadBackAsTheFilterItWasWrittenFrom() {
        DashboardFilter filter = new DashboardFilter(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10), SALES, ANN, 30);
        assertEquals("from=2026-11-09&to=2026-11-10&departmentId=" + SALES + "&agentId=" + ANN + "&serviceLevelSeconds=30",
                filter.queryString());
        DashboardFilter.FromUrl read = DashboardFilter.fromUrl("2026-11-09", "2026-11-10", SALES.toString(), ANN.toString(), "30");
        assertEquals(new DashboardFilter.FromUrl(filter, false, List.of()), read);
        assertEquals(new AnalyticsQuery(Optional.of(LocalDate.of(2026, 11, 9)), Optional.of(LocalDate.of(2026, 11, 10)),
                Optional.of(SALES), Optional.of(ANN), Optional.of(30)), filter.query());
    }

    @Test
    void whatIsNotChosenIsLeftToTheServicesDefaultsAndOutOfTheUrl() {
        DashboardFilter.FromUrl read = DashboardFilter.fromUrl(null, " ", "", null, null);
        assertEquals(DashboardFilter.DEFAULT, read.filter());
        assertFalse(read.notFound());
        assertEquals(new AnalyticsQuery(null, null, null, null, null), DashboardFilter.DEFAULT.query());
        assertEquals("", DashboardFilter.DEFAULT.queryString());
        assertEquals("departmentId=" + SALES, new DashboardFilter(null, null, SALES, null, null).queryString());
    }

    @Test
    void malformedDatesAndThresholdsAreProblemsToTellAndFallBackToTheDefault() {
        DashboardFilter.FromUrl read = DashboardFilter.fromUrl("2026-13-01", "yesterday", SALES.toString(), null, "abc");
        assertFalse(read.notFound());
        assertEquals(new DashboardFilter(null, null, SALES, null, null), read.filter());
        assertEquals(List.of("The start date must be a date like 2026-11-30", "The end date must be a date like 2026-11-30",
                "The service-level threshold must be a whole number of seconds"), read.problems());
    }

    @Test
    void aMalformedIdIsNotFoundLikeAnotherTenantsOrAnUnknownOne() {
        for (String id : List.of("42", "../../etc/passwd", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", SALES + "x")) {
            assertTrue(DashboardFilter.fromUrl(null, null, id, null, null).notFound(), id);
            assertTrue(DashboardFilter.fromUrl(null, null, null, id, null).notFound(), id);
        }
    }

    @Test
    void whenARangeIsRefusedTheDepartmentAndAgentAreKept() {
        DashboardFilter refused = new DashboardFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 10), SALES, ANN, 0);
        assertEquals(new DashboardFilter(null, null, SALES, ANN, null), refused.scopeOnly());
    }
}
