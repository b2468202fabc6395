package com.voicecore.interfaces.rest.telephony;

import com.voicecore.application.PhoneNumberDraft;
import com.voicecore.application.TelephonyService;
import com.voicecore.domain.model.shared.PhoneNumber;
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

@Path("phone-numbers")
@TenantApi
@Tag(name = "Phone numbers")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PhoneNumberResource {

    @Inject
    TelephonyService telephony;

    @POST
    @Operation(summary = "Connect a Twilio number; calls to it reach this tenant")
    public Response create(@NotNull(message = "A JSON body is required") @Valid PhoneNumberRequest request, @Context UriInfo uri) {
        PhoneNumberResponse created = PhoneNumberResponse.of(telephony.addNumber(draft(request)));
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "The tenant's phone numbers")
    public List<PhoneNumberResponse> list() {
        return telephony.numbers().stream().map(PhoneNumberResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One phone number")
    public PhoneNumberResponse get(@PathParam("id") String id) {
        return PhoneNumberResponse.of(telephony.number(Fields.pathId("phone number", id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a number's department and label (the number itself stays)")
    public PhoneNumberResponse update(@PathParam("id") String id,
                                      @NotNull(message = "A JSON body is required") @Valid PhoneNumberRequest request) {
        return PhoneNumberResponse.of(telephony.updateNumber(Fields.pathId("phone number", id), draft(request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Disconnect a number")
    public Response delete(@PathParam("id") String id) {
        telephony.removeNumber(Fields.pathId("phone number", id));
        return Response.noContent().build();
    }

    private static PhoneNumberDraft draft(PhoneNumberRequest request) {
        PhoneNumber number = Fields.convert("number", () -> new PhoneNumber(request.number().strip()));
        return new PhoneNumberDraft(number, Fields.optionalId("departmentId", request.departmentId()),
                request.label() == null || request.label().isBlank() ? null : request.label().strip());
    }
}
