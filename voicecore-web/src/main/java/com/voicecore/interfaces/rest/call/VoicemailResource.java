package com.voicecore.interfaces.rest.call;

import com.voicecore.application.CallLogService;
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

import java.util.List;

@Path("departments/{departmentId}/voicemails")
@TenantApi
@Tag(name = "Voicemail")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class VoicemailResource {

    @Inject
    CallLogService log;

    @GET
    @Operation(summary = "A department's voicemail, newest first (only that department's)")
    public List<VoicemailResponse> list(@PathParam("departmentId") String departmentId) {
        return log.voicemail(Fields.pathId("department", departmentId), 200).stream().map(VoicemailResponse::of).toList();
    }
}
