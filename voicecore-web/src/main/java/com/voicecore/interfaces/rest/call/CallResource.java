package com.voicecore.interfaces.rest.call;

import com.voicecore.application.CallLogService;
import com.voicecore.application.ConversationRecord;
import com.voicecore.application.ConversationService;
import com.voicecore.application.CallTransferService;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.routing.Step;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.interfaces.twilio.PublicUrl;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.call.CallCriteria;
import com.voicecore.domain.model.call.CallDirection;
import com.voicecore.domain.model.call.CallPage;
import com.voicecore.domain.model.call.CallStatus;
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
import jakarta.ws.rs.DefaultValue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("calls")
@TenantApi
@Tag(name = "Calls")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    CallLogService log;

    @Inject
    CallTransferService transfers;

    @Inject
    PublicUrl publicUrl;

    @Inject
    ConversationService conversations;

    @GET
    @Operation(summary = "The call log, newest first; filters: since, until (ISO-8601 instants), status, departmentId, agentId, number, direction (inbound or outbound)")
    public CallPageResponse list(@QueryParam("since") String since, @QueryParam("until") String until,
                                 @QueryParam("status") String status, @QueryParam("departmentId") String departmentId,
                                 @QueryParam("agentId") String agentId, @QueryParam("number") String number,
                                 @QueryParam("direction") String direction,
                                 @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        CallCriteria criteria = new CallCriteria(
                instant("since", since), instant("until", until),
                Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> Fields.convert("status", () -> CallStatus.fromCode(s.strip()))),
                Optional.ofNullable(Fields.optionalId("departmentId", departmentId)),
                Optional.ofNullable(Fields.optionalId("agentId", agentId)),
                Optional.ofNullable(number).filter(s -> !s.isBlank()).map(String::strip),
                Optional.ofNullable(direction).filter(s -> !s.isBlank())
                        .map(s -> Fields.convert("direction", () -> CallDirection.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)))));
        int p = bounded("page", page, 0, 1_000_000);
        int s = bounded("size", size, 1, MAX_PAGE_SIZE);
        CallPage found = log.search(criteria, p, s);
        return new CallPageResponse(found.calls().stream().map(c -> CallResponse.of(c, null)).toList(), found.total(), p, s);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One call with its route, status history, spam verdict, recording and credits")
    public CallResponse get(@PathParam("id") String id) {
        UUID callId = Fields.pathId("call", id);
        return CallResponse.of(log.get(callId), log.history(callId));
    }

    @GET
    @Path("{id}/transcript")
    @Operation(summary = "The call's conversation with the receptionist: turns in order (text, language, intent, latency), transcript and summary")
    public ConversationRecord transcript(@PathParam("id") String id) {
        UUID callId = Fields.pathId("call", id);
        return conversations.conversation(callId).orElseGet(() -> new ConversationRecord(callId, null, null, null, 0, null, null,
                null, null, java.util.List.of(), null, null));
    }

    /** Where to move a live call. */
    public record TransferRequest(String to) {
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a live call to an outside number (through Twilio's REST API); the number sees the caller's ID")
    public Response transfer(@PathParam("id") String id, @NotNull(message = "A JSON body is required") TransferRequest request,
                             @Context UriInfo uri) {
        UUID callId = Fields.pathId("call", id);
        if (request.to() == null || request.to().isBlank()) {
            throw new InvalidValueException("to", "The number to transfer to is required (E.164)");
        }
        PhoneNumber to = Fields.convert("to", () -> new PhoneNumber(request.to().strip()));
        URI twiml = URI.create(publicUrl.base(uri.getRequestUri()) + "/twilio/voice/t/" + TenantContext.require() + "/" + Step.TRANSFER.path()
                + "?to=" + URLEncoder.encode(to.e164(), StandardCharsets.UTF_8));
        Call moved = transfers.transferToNumber(callId, to, twiml);
        return Response.accepted(CallResponse.of(moved, null)).build();
    }


    private static Optional<Instant> instant(String field, String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank()).map(s -> Fields.convert(field, () -> Instant.parse(s.strip())));
    }

    private static int bounded(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InvalidValueException(field, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be a whole number");
        }
    }
}
