package com.voicecore.interfaces.rest.spam;

import com.voicecore.application.SpamRuleDraft;
import com.voicecore.application.SpamService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.spam.SpamRule;
import com.voicecore.interfaces.rest.Created;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

@TenantApi
@Path("")
@Tag(name = "Spam")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SpamResource {

    @Inject
    SpamService spam;

    @POST
    @Path("spam-reports")
    @Operation(summary = "Report a number as spam (once per tenant and number)")
    public Response report(@NotNull(message = "A JSON body is required") @Valid SpamReportRequest request, @Context UriInfo uri) {
        SpamResponses.Report report = SpamResponses.Report.of(spam.report(request.number().strip(), request.reason(),
                Fields.optionalId("callId", request.callId())));
        return Created.at(uri, report.id(), report).build();
    }

    @GET
    @Path("spam-reports")
    @Operation(summary = "The tenant's spam reports")
    public List<SpamResponses.Report> reports() {
        return spam.reports().stream().map(SpamResponses.Report::of).toList();
    }

    @GET
    @Path("spam-rules")
    @Operation(summary = "The tenant's spam rules, allow list (number + allow) and block list (number + block)")
    public List<SpamResponses.Rule> rules() {
        return spam.rules().stream().map(SpamResponses.Rule::of).toList();
    }

    @POST
    @Path("spam-rules")
    @Operation(summary = "Add a spam rule; pattern rules are checked before they are stored")
    public Response addRule(@NotNull(message = "A JSON body is required") @Valid SpamRuleRequest request, @Context UriInfo uri) {
        SpamResponses.Rule rule = SpamResponses.Rule.of(spam.addRule(draft(request)));
        return Created.at(uri, rule.id(), rule).build();
    }

    @PUT
    @Path("spam-rules/{id}")
    @Operation(summary = "Replace a spam rule (checked like a new one); active false switches it off, true on")
    public SpamResponses.Rule changeRule(@PathParam("id") String id,
                                         @NotNull(message = "A JSON body is required") @Valid SpamRuleRequest request) {
        return SpamResponses.Rule.of(spam.changeRule(Fields.pathId("spam rule", id), draft(request)));
    }

    @DELETE
    @Path("spam-rules/{id}")
    @Operation(summary = "Remove a spam rule")
    public Response removeRule(@PathParam("id") String id) {
        spam.removeRule(Fields.pathId("spam rule", id));
        return Response.noContent().build();
    }

    @GET
    @Path("spam-check")
    @Operation(summary = "How a call from this number would be screened now: score, reasons, action")
    public SpamResponses.Verdict check(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("stirVerstat") String stirVerstat) {
        if (from == null || from.isBlank()) {
            throw new InvalidValueException("from", "The caller number to test is required");
        }
        return SpamResponses.Verdict.of(spam.test(from.strip(), to, stirVerstat));
    }

    private static SpamRuleDraft draft(SpamRuleRequest request) {
        return new SpamRuleDraft(option("type", request.type(), SpamRule.Type.class), request.value().strip(),
                option("action", request.action(), SpamRule.Action.class), request.weight(), request.description(), request.active());
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
