package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.AnalyticsService;
import com.voicecore.domain.model.analytics.AgentFigures;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agent metrics over an instant range (issue 5's endpoint), answered from the analytics report: the one
 * place these metrics are computed (definitions in docs/analytics.md).
 */
@Path("agent-metrics")
@TenantApi
@Tag(name = "Agents")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class AgentMetricsResource {

    @Inject
    AnalyticsService analytics;

    @GET
    @Operation(summary = "Per agent over [from, until) (ISO-8601 instants; default the last 24 hours), optionally one department")
    public List<AgentMetricsResponse> perAgent(@QueryParam("from") String from, @QueryParam("until") String until,
                                               @QueryParam("departmentId") String departmentId) {
        Instant u = instant("until", until).orElseGet(Instant::now);
        Instant f = instant("from", from).orElseGet(() -> u.minusSeconds(86_400));
        return analytics.between(f, u, Optional.ofNullable(Fields.optionalId("departmentId", departmentId))).agents()
                .stream().map(a -> AgentMetricsResponse.of(a, f, u)).toList();
    }

    @GET
    @Path("departments")
    @Operation(summary = "Per department over [from, until)")
    public List<AgentMetricsResponse> perDepartment(@QueryParam("from") String from, @QueryParam("until") String until) {
        Instant u = instant("until", until).orElseGet(Instant::now);
        Instant f = instant("from", from).orElseGet(() -> u.minusSeconds(86_400));
        return analytics.between(f, u, Optional.empty()).departments().stream()
                .map(d -> AgentMetricsResponse.of(d, f, u)).toList();
    }

    private static Optional<Instant> instant(String field, String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank()).map(s -> Fields.convert(field, () -> Instant.parse(s.strip())));
    }

    public record AgentMetricsResponse(String agentId, String departmentId, String name, String from, String until,
                                       long callsHandled, long talkSeconds, long wrapUpSeconds, long handleSeconds,
                                       Double averageHandleSeconds, long availableIdleSeconds, Double occupancyPercent,
                                       long offers, long missedOffers) {
        static AgentMetricsResponse of(AgentFigures a, Instant from, Instant until) {
            return new AgentMetricsResponse(a.agentId().toString(), a.departmentId() == null ? null : a.departmentId().toString(),
                    a.name(), from.toString(), until.toString(), a.handled(), a.talkSeconds(), a.wrapUpSeconds(),
                    a.handleSeconds(), a.averageHandleSeconds(), Math.round(a.availableIdleSeconds()), a.occupancyPercent(),
                    a.offers(), a.missedOffers());
        }

        /** A department: its calls' handle time and offers, its agents' idle time and occupancy. */
        static AgentMetricsResponse of(AnalyticsReport.DepartmentRow d, Instant from, Instant until) {
            return new AgentMetricsResponse(null, d.departmentId().toString(), d.name(), from.toString(), until.toString(),
                    d.figures().handled(), d.figures().talkSeconds(), d.figures().wrapUpSeconds(), d.figures().handleSeconds(),
                    d.figures().averageHandleSeconds(), Math.round(d.occupancy().availableIdleSeconds()), d.occupancy().percent(),
                    d.figures().offers(), d.figures().missedOffers());
        }
    }
}
