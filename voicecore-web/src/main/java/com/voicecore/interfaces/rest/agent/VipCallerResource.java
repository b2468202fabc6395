package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.VipCallerService;
import com.voicecore.domain.model.queue.VipCaller;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.interfaces.rest.Created;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The tenant's VIP callers: they are served first in every department queue. */
@Path("vip-callers")
@TenantApi
@Tag(name = "Queues")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VipCallerResource {

    @Inject
    VipCallerService vips;

    @GET
    @Operation(summary = "The VIP list")
    public List<VipResponse> list() {
        return vips.list().stream().map(VipResponse::of).toList();
    }

    @POST
    @Operation(summary = "Add a number (E.164) to the VIP list")
    public Response add(@NotNull(message = "A JSON body is required") @Valid VipRequest request, @Context UriInfo uri) {
        VipResponse created = VipResponse.of(vips.add(Fields.convert("number", () -> new PhoneNumber(request.number().strip()))));
        return Created.at(uri, java.util.UUID.fromString(created.id()), created).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a number from the VIP list")
    public Response remove(@PathParam("id") String id) {
        vips.remove(Fields.pathId("VIP caller", id));
        return Response.noContent().build();
    }

    public record VipRequest(@NotBlank(message = "number is required") @Size(max = 32, message = "number is too long") String number) {
    }

    public record VipResponse(String id, String number, String createdAt) {
        static VipResponse of(VipCaller v) {
            return new VipResponse(v.id().toString(), v.number().e164(), v.createdAt().toString());
        }
    }
}
