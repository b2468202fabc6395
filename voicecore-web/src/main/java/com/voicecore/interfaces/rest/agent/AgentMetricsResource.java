package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.AgentMetrics;
import com.voicecore.application.AgentMetricsService;
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

/** Agent metrics over a date range (definitions in docs/agents.md). */
@Path("agent-metrics")
@TenantApi
@Tag(name = "Agents")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class AgentMetricsResource {

    @Inject
    AgentMetricsService metrics;

    @GET
    @Operation(summary = "Per agent over [from, until) (ISO-8601 instants; default the last 24 hours), optionally one department")
    public List<AgentMetricsResponse> perAgent(@QueryParam("from") String from, @QueryParam("until") String until,
                                               @QueryParam("departmentId") String departmentId) {
        Instant u = instant("until", until).orElseGet(Instant::now);
        Instant f = instant("from", from).orElseGet(() -> u.minusSeconds(86_400));
        return metrics.perAgent(f, u, Optional.ofNullable(Fields.optionalId("departmentId", departmentId)))
                .stream().map(m -> AgentMetricsResponse.of(m, f, u)).toList();
    }

    @GET
    @Path("departments")
    @Operation(summary = "Per department over [from, until)")
    public List<AgentMetricsResponse> perDepartment(@QueryParam("from") String from, @QueryParam("until") String until) {
        Instant u = instant("until", until).orElseGet(Instant::now);
        Instant f = instant("from", from).orElseGet(() -> u.minusSeconds(86_400));
        return metrics.perDepartment(f, u).stream().map(m -> AgentMetricsResponse.of(m, f, u)).toList();
    }

    private static Optional<Instant> instant(String field, String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank()).map(s -> Fields.convert(field, () -> Instant.parse(s.strip())));
    }

    public record AgentMetricsResponse(String agentId, String departmentId, String name, String from, String until,
                                       long callsHandled, long talkSeconds, long wrapUpSeconds, long handleSeconds,
                                       Double averageHandleSeconds, long availableIdleSeconds, Double occupancyPercent,
                                       long offers, long missedOffers) {
        static AgentMetricsResponse of(AgentMetrics m, Instant from, Instant until) {
            return new AgentMetricsResponse(m.agentId() == null ? null : m.agentId().toString(),
                    m.departmentId() == null ? null : m.departmentId().toString(), m.name(), from.toString(), until.toString(),
                    m.callsHandled(), m.talkSeconds(), m.wrapUpSeconds(), m.handleSeconds(), m.averageHandleSeconds(),
                    m.availableIdleSeconds(), m.occupancyPercent(), m.offers(), m.missedOffers());
        }
    }
}
