package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.AgentRole;
import com.voicecore.application.AgentTokenService;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Integrators mint agent tokens with the tenant API key (docs/agent-protocol.md). */
@Path("agents/{id}/token")
@TenantApi
@Tag(name = "Agents")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentTokenResource {

    @Inject
    AgentTokenService tokens;

    @POST
    @Operation(summary = "Issue a short-lived token for the agent WebSocket (role agent or supervisor)")
    public Response issue(@PathParam("id") String id, @Valid AgentTokenRequest request) {
        AgentRole role = request == null || request.role() == null ? AgentRole.AGENT : AgentRole.fromCode(request.role());
        return noStore(Response.status(Response.Status.CREATED)
                .entity(AgentTokenResponse.of(tokens.issue(Fields.pathId("agent", id), role))));
    }

    static Response noStore(Response.ResponseBuilder b) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return b.cacheControl(cc).build();
    }
}
