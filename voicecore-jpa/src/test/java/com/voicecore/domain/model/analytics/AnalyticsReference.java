package com.voicecore.domain.model.analytics;

import com.voicecore.domain.model.analytics.CallHistory.AgentSpec;
import com.voicecore.domain.model.analytics.CallHistory.CallSpec;
import com.voicecore.domain.model.analytics.CallHistory.Dept;
import com.voicecore.domain.model.analytics.CallHistory.Offer;
import com.voicecore.domain.model.analytics.CallHistory.Presence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * docs/analytics.md computed the plain way, in memory, call by call, from the generated history (never
 * from the database): the independent side of Property 20. Rates are computed here from this class's own
 * counts, so the report's derived figures are checked too.
 */
final class AnalyticsReference {

    /** Every figure of one bucket, by the names docs/analytics.md uses. */
    static Map<String, Object> figures(List<CallSpec> calls, MetricThresholds t) {
        long callsN = 0, spamBlocked = 0, answered = 0, voicemail = 0, queued = 0, queueAnswered = 0, abandoned = 0,
                shortAbandoned = 0, queueVoicemail = 0, within = 0, handled = 0, talk = 0, wrapUp = 0, offers = 0,
                missedOffers = 0, reached = 0, contained = 0;
        double wait = 0;
        for (CallSpec c : calls) {
            callsN++;
            if (spamBlocked(c)) {
                spamBlocked++;
                continue; // counted in calls and spam blocked only
            }
            if (answered(c)) {
                answered++;
            }
            if (c.voicemails() > 0) {
                voicemail++;
            }
            CallHistory.Queue q = c.queue();
            if (q != null) {
                queued++;
                if (queueAnswered(q)) {
                    queueAnswered++;
                    double w = Duration.between(q.enqueuedAt(), q.answeredAt()).toMillis() / 1000.0;
                    wait += w;
                    if (w <= t.serviceLevelSeconds()) {
                        within++;
                    }
                }
                if (q.state().equals("abandoned")) {
                    abandoned++;
                    if (q.endedAt() != null && Duration.between(q.enqueuedAt(), q.endedAt()).toMillis() < t.shortAbandonSeconds() * 1000L) {
                        shortAbandoned++;
                    }
                }
                if (q.state().equals("voicemail")) {
                    queueVoicemail++;
                }
                if (q.state().equals("completed")) {
                    handled++;
                    talk += q.talk() == null ? 0 : q.talk();
                    wrapUp += q.wrapUp() == null ? 0 : q.wrapUp();
                }
                for (Offer o : q.offers()) {
                    offers++;
                    if ("missed".equals(o.outcome()) || "rejected".equals(o.outcome())) {
                        missedOffers++;
                    }
                }
            }
            if (c.conversation() != null) {
                reached++;
                if (c.conversation().equals("resolved")) {
                    contained++;
                }
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("calls", callsN);
        f.put("spamBlocked", spamBlocked);
        f.put("answered", answered);
        f.put("voicemail", voicemail);
        f.put("queued", queued);
        f.put("queueAnswered", queueAnswered);
        f.put("abandoned", abandoned);
        f.put("shortAbandoned", shortAbandoned);
        f.put("queueVoicemail", queueVoicemail);
        f.put("answeredWithinThreshold", within);
        f.put("waitSeconds", wait);
        f.put("handled", handled);
        f.put("talkSeconds", talk);
        f.put("wrapUpSeconds", wrapUp);
        f.put("handleSeconds", talk + wrapUp);
        f.put("offers", offers);
        f.put("missedOffers", missedOffers);
        f.put("reachedReceptionist", reached);
        f.put("contained", contained);
        f.put("averageSpeedOfAnswerSeconds", queueAnswered == 0 ? null : wait / queueAnswered);
        long slBase = queueAnswered + abandoned - shortAbandoned;
        f.put("serviceLevelPercent", slBase == 0 ? null : within * 100.0 / slBase);
        f.put("abandonmentRatePercent", queued == 0 ? null : abandoned * 100.0 / queued);
        f.put("averageHandleSeconds", handled == 0 ? null : (talk + wrapUp) / (double) handled);
        f.put("containmentPercent", reached == 0 ? null : contained * 100.0 / reached);
        return f;
    }

    static boolean spamBlocked(CallSpec c) {
        return "block".equals(c.spamAction()) || c.route().stream().anyMatch(s -> s.step().equals("rejected"));
    }

    static boolean queueAnswered(CallHistory.Queue q) {
        return q.answeredAt() != null && (q.state().equals("connected") || q.state().equals("completed"));
    }

    static boolean answered(CallSpec c) {
        boolean dialled = c.route().stream().anyMatch(s -> s.step().equals("agent") && s.detail().equals("answered"));
        return dialled || (c.queue() != null && queueAnswered(c.queue()));
    }

    /** The whole expected report, as nested maps and lists (the test turns the real one into the same shape). */
    static Map<String, Object> report(CallHistory h, ReportPeriod period, MetricThresholds t, ReportScope scope, Instant now) {
        // inbound calls that started in the period, in the scope
        Predicate<CallSpec> inPeriod = c -> c.inbound() && !c.startedAt().isBefore(period.start()) && c.startedAt().isBefore(period.end());
        Predicate<CallSpec> inDepartment = c -> scope.departmentId().map(d -> d.equals(c.departmentId())).orElse(true);
        Predicate<CallSpec> ofAgent = c -> scope.agentId().map(a -> a.equals(c.agentId())).orElse(true);
        List<CallSpec> departmentCalls = h.calls().stream().filter(inPeriod.and(inDepartment)).toList();
        List<CallSpec> scoped = departmentCalls.stream().filter(ofAgent).toList();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("totals", figures(scoped, t));
        List<Object> days = new ArrayList<>();
        LocalDate first = period.start().atZone(period.zone()).toLocalDate();
        LocalDate last = period.end().minusSeconds(1).atZone(period.zone()).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            days.add(List.of(day.toString(), figures(scoped.stream()
                    .filter(c -> ZonedDateTime.ofInstant(c.startedAt(), period.zone()).toLocalDate().equals(day)).toList(), t)));
        }
        report.put("days", days);
        List<Object> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            int hh = hour;
            hours.add(List.of(hour, figures(scoped.stream()
                    .filter(c -> ZonedDateTime.ofInstant(c.startedAt(), period.zone()).getHour() == hh).toList(), t)));
        }
        report.put("hours", hours);

        // agents: the department's (or every) agent, or the one asked for
        List<AgentSpec> agents = h.agents().stream()
                .filter(a -> scope.departmentId().map(d -> d.equals(a.departmentId())).orElse(true))
                .filter(a -> scope.agentId().map(id -> id.equals(a.id())).orElse(true))
                .sorted((x, y) -> x.name().equals(y.name()) ? x.id().compareTo(y.id()) : x.name().compareTo(y.name()))
                .toList();
        List<Object> agentRows = new ArrayList<>();
        Map<UUID, double[]> occupancy = new LinkedHashMap<>(); // handle, idle
        for (AgentSpec a : agents) {
            List<CallSpec> own = departmentCalls.stream().filter(c -> !spamBlocked(c) && a.id().equals(c.agentId())).toList();
            long answered = own.stream().filter(AnalyticsReference::answered).count();
            List<CallHistory.Queue> qa = own.stream().map(CallSpec::queue).filter(Objects::nonNull)
                    .filter(AnalyticsReference::queueAnswered).toList();
            double wait = qa.stream().mapToDouble(q -> Duration.between(q.enqueuedAt(), q.answeredAt()).toMillis() / 1000.0).sum();
            List<CallHistory.Queue> done = own.stream().map(CallSpec::queue).filter(Objects::nonNull)
                    .filter(q -> q.state().equals("completed")).toList();
            long talk = done.stream().mapToLong(q -> q.talk() == null ? 0 : q.talk()).sum();
            long wrapUp = done.stream().mapToLong(q -> q.wrapUp() == null ? 0 : q.wrapUp()).sum();
            long offers = 0;
            long missed = 0;
            for (CallSpec c : departmentCalls) {
                if (spamBlocked(c) || c.queue() == null) {
                    continue;
                }
                for (Offer o : c.queue().offers()) {
                    if (o.agentId().equals(a.id())) {
                        offers++;
                        if ("missed".equals(o.outcome()) || "rejected".equals(o.outcome())) {
                            missed++;
                        }
                    }
                }
            }
            double idle = 0;
            for (Presence p : h.presence()) {
                if (p.agentId().equals(a.id()) && p.status().equals("available") && p.activity().equals("idle")) {
                    Instant from = p.start().isAfter(period.start()) ? p.start() : period.start();
                    Instant end = p.end() == null ? now : p.end();
                    Instant until = end.isBefore(period.end()) ? end : period.end();
                    idle += Math.max(0, Duration.between(from, until).toMillis() / 1000.0);
                }
            }
            long handle = talk + wrapUp;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agentId", a.id());
            row.put("departmentId", a.departmentId());
            row.put("name", a.name());
            row.put("answered", answered);
            row.put("queueAnswered", (long) qa.size());
            row.put("waitSeconds", wait);
            row.put("averageSpeedOfAnswerSeconds", qa.isEmpty() ? null : wait / qa.size());
            row.put("handled", (long) done.size());
            row.put("talkSeconds", talk);
            row.put("wrapUpSeconds", wrapUp);
            row.put("handleSeconds", handle);
            row.put("averageHandleSeconds", done.isEmpty() ? null : handle / (double) done.size());
            row.put("offers", offers);
            row.put("missedOffers", missed);
            row.put("availableIdleSeconds", idle);
            row.put("occupancyPercent", handle + idle == 0 ? null : handle * 100.0 / (handle + idle));
            agentRows.add(row);
            occupancy.put(a.id(), new double[] {handle, idle});
        }
        report.put("agents", agentRows);
        report.put("occupancyPercent", occupancy(occupancy.values().stream().toList()));

        List<Object> departments = new ArrayList<>();
        h.departments().stream()
                .filter(d -> scope.departmentId().map(id -> id.equals(d.id())).orElse(true))
                .sorted((x, y) -> x.name().equals(y.name()) ? x.id().compareTo(y.id()) : x.name().compareTo(y.name()))
                .forEach((Dept d) -> {
                    List<double[]> own = new ArrayList<>();
                    for (AgentSpec a : agents) {
                        if (d.id().equals(a.departmentId())) {
                            own.add(occupancy.get(a.id()));
                        }
                    }
                    departments.add(List.of(d.id(), d.name(),
                            figures(scoped.stream().filter(c -> d.id().equals(c.departmentId())).toList(), t),
                            occupancy(own) == null ? "none" : occupancy(own)));
                });
        report.put("departments", departments);
        return report;
    }

    private static Double occupancy(List<double[]> agents) {
        double handle = agents.stream().mapToDouble(a -> a[0]).sum();
        double idle = agents.stream().mapToDouble(a -> a[1]).sum();
        return handle + idle == 0 ? null : handle * 100.0 / (handle + idle);
    }

    private AnalyticsReference() {
    }
}
