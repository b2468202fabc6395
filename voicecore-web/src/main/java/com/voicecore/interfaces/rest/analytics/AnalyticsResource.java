package com.voicecore.interfaces.rest.analytics;

import com.voicecore.application.AnalyticsQuery;
import com.voicecore.application.AnalyticsService;
import com.voicecore.application.AnalyticsTable;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The tenant's analytics (definitions in docs/analytics.md): the report, and each table as JSON or CSV. */
@Path("analytics")
@TenantApi
@Tag(name = "Analytics")
@SecurityRequirement(name = "apiKey")
public class AnalyticsResource {

    static final String CSV = "text/csv";
    private static final String CSV_SUFFIX = ".csv";

    @Inject
    AnalyticsService analytics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The report over the local dates from..to (both inclusive, yyyy-MM-dd, tenant's time zone; default the last 7 days), "
            + "optionally one departmentId or agentId and a serviceLevelSeconds threshold")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("departmentId") String departmentId, @QueryParam("agentId") String agentId,
                           @QueryParam("serviceLevelSeconds") String serviceLevelSeconds) {
        AnalyticsReport report = analytics.report(query(from, to, departmentId, agentId, serviceLevelSeconds));
        return Response.ok(AnalyticsTables.json(report).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{table}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "One table of the report (totals, days, hours, departments, agents) as JSON, or CSV with Accept: text/csv "
            + "or the suffix .csv; the same query parameters")
    public Response table(@PathParam("table") String table, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("departmentId") String departmentId, @QueryParam("agentId") String agentId,
                          @QueryParam("serviceLevelSeconds") String serviceLevelSeconds, @Context HttpHeaders headers) {
        String name = table.toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(CSV_SUFFIX) || prefersCsv(headers);
        AnalyticsTable wanted = AnalyticsTable.named(name.endsWith(CSV_SUFFIX) ? name.substring(0, name.length() - CSV_SUFFIX.length()) : name)
                .orElseThrow(() -> new InvalidValueException("table", "Unknown table; one of " + String.join(", ", AnalyticsTable.codes())));
        AnalyticsReport report = analytics.report(query(from, to, departmentId, agentId, serviceLevelSeconds));
        if (!csv) {
            return Response.ok(AnalyticsTables.array(wanted, report).toString(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(wanted.csv(report), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + wanted.fileName(report) + "\"")
                .build();
    }

    /** CSV when the client ranks text/csv above JSON (an explicit Accept; a wildcard gets JSON). */
    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return !accepted.isWildcardSubtype();
            }
        }
        return false;
    }

    private static AnalyticsQuery query(String from, String to, String departmentId, String agentId, String serviceLevelSeconds) {
        return new AnalyticsQuery(date("from", from), date("to", to),
                Optional.ofNullable(Fields.optionalId("departmentId", departmentId)),
                Optional.ofNullable(Fields.optionalId("agentId", agentId)),
                Optional.ofNullable(serviceLevelSeconds).filter(s -> !s.isBlank())
                        .map(s -> Fields.convert("serviceLevelSeconds", () -> Integer.parseInt(s.strip()))));
    }

    private static Optional<LocalDate> date(String field, String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank())
                .map(s -> Fields.convert(field, () -> LocalDate.parse(s.strip())));
    }
}
