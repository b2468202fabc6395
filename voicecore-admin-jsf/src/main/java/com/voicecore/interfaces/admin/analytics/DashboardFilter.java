package com.voicecore.interfaces.admin.analytics;

import com.voicecore.application.AnalyticsQuery;
import com.voicecore.interfaces.admin.Pages;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the dashboard shows, as it stands in the URL (the analytics API's own query parameters: from, to,
 * departmentId, agentId, serviceLevelSeconds). A {@code null} is "not chosen": the service's default (the
 * last 7 days in the tenant's zone, every department and agent, the configured threshold). The rules on
 * the values (order of the dates, at most 366 days, the threshold's range, whose ids) are the service's.
 */
record DashboardFilter(LocalDate from, LocalDate to, UUID departmentId, UUID agentId, Integer serviceLevelSeconds)
        implements Serializable {

    static final DashboardFilter DEFAULT = new DashboardFilter(null, null, null, null, null);

    /** A filter read from the URL: {@code notFound} when an id is malformed (answered like an unknown id). */
    record FromUrl(DashboardFilter filter, boolean notFound, List<String> problems) {
    }

    /**
     * Reads the URL's parameters. A malformed date or threshold is a problem to tell the user, and that
     * value is left to the service's default; a malformed id is "not found", like another tenant's.
     */
    static FromUrl fromUrl(String from, String to, String departmentId, String agentId, String serviceLevelSeconds) {
        List<String> problems = new ArrayList<>();
        Optional<UUID> department = Pages.id(departmentId);
        Optional<UUID> agent = Pages.id(agentId);
        boolean notFound = given(departmentId) && department.isEmpty() || given(agentId) && agent.isEmpty();
        DashboardFilter filter = new DashboardFilter(date(from, "start", problems), date(to, "end", problems),
                department.orElse(null), agent.orElse(null), threshold(serviceLevelSeconds, problems));
        return new FromUrl(filter, notFound, List.copyOf(problems));
    }

    /** The same department and agent over the service's defaults (what to show when the rest was refused). */
    DashboardFilter scopeOnly() {
        return new DashboardFilter(null, null, departmentId, agentId, null);
    }

    AnalyticsQuery query() {
        return new AnalyticsQuery(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(departmentId),
                Optional.ofNullable(agentId), Optional.ofNullable(serviceLevelSeconds));
    }

    /** The URL's query string for this filter (chosen values only), so the dashboard can be bookmarked. */
    String queryString() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("departmentId", departmentId);
        params.put("agentId", agentId);
        params.put("serviceLevelSeconds", serviceLevelSeconds);
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean given(String raw) {
        return raw != null && !raw.isBlank();
    }

    private static LocalDate date(String raw, String which, List<String> problems) {
        if (!given(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add("The " + which + " date must be a date like 2026-11-30");
            return null;
        }
    }

    private static Integer threshold(String raw, List<String> problems) {
        if (!given(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            problems.add("The service-level threshold must be a whole number of seconds");
            return null;
        }
    }
}
