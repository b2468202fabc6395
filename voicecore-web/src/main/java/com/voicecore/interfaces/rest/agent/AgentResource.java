package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.AgentDraft;
import com.voicecore.application.AgentService;
import com.voicecore.domain.model.agent.AgentStatus;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
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
import java.util.Optional;

@Path("agents")
@TenantApi
@Tag(name = "Agents")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @Inject
    AgentService agents;

    @POST
    @Operation(summary = "Create an agent")
    public Response create(@NotNull(message = "A JSON body is required") @Valid AgentRequest request, @Context UriInfo uri) {
        AgentResponse created = AgentResponse.of(agents.create(draft(request)));
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "List the tenant's agents, optionally of one department")
    public List<AgentResponse> list(@QueryParam("departmentId") String departmentId) {
        return agents.list(Optional.ofNullable(Fields.optionalId("departmentId", departmentId)))
                .stream().map(AgentResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One agent")
    public AgentResponse get(@PathParam("id") String id) {
        return AgentResponse.of(agents.get(Fields.pathId("agent", id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an agent's details")
    public AgentResponse update(@PathParam("id") String id,
                                @NotNull(message = "A JSON body is required") @Valid AgentRequest request) {
        return AgentResponse.of(agents.update(Fields.pathId("agent", id), draft(request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an agent")
    public Response delete(@PathParam("id") String id) {
        agents.delete(Fields.pathId("agent", id));
        return Response.noContent().build();
    }

    private static AgentDraft draft(AgentRequest request) {
        return new AgentDraft(request.name().strip(),
                Fields.convert("email", () -> new EmailAddress(request.email())),
                Fields.optionalId("departmentId", request.departmentId()),
                request.extension() == null || request.extension().isBlank() ? null
                        : Fields.convert("extension", () -> Extension.parse(request.extension().strip())),
                request.status() == null ? null : Fields.convert("status", () -> AgentStatus.fromCode(request.status())),
                request.phoneNumber() == null || request.phoneNumber().isBlank() ? null
                        : Fields.convert("phoneNumber", () -> new PhoneNumber(request.phoneNumber().strip())));
    }
}
