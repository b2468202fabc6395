package com.voicecore.interfaces.rest.agent;

import com.voicecore.application.AgentTokenService;
import com.voicecore.application.IssuedAgentToken;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.interfaces.rest.problem.Problem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The softphone's sign-in. No API key: the tenant named in the body becomes the request's tenant, and
 * row-level security confines the look-up to it. Every failure is the same 401.
 */
@Path("agent-login")
@Tag(name = "Agents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentLoginResource {

    @Inject
    AgentTokenService tokens;

    @POST
    @Operation(summary = "Sign an agent in with the linked tenant user's e-mail and password; answers an agent token")
    public Response login(@NotNull(message = "A JSON body is required") @Valid AgentLoginRequest request) {
        Optional<UUID> tenant = parse(request.tenantId());
        Optional<IssuedAgentToken> issued = Optional.empty();
        if (tenant.isPresent()) {
            TenantContext.set(tenant.get());
            try {
                issued = tokens.login(tenant.get(), request.email(), request.password().toCharArray());
            } finally {
                TenantContext.clear();
            }
        }
        if (issued.isEmpty()) {
            return Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "Unknown tenant, e-mail or password, or no agent is linked to this user");
        }
        return AgentTokenResource.noStore(Response.ok(AgentTokenResponse.of(issued.get())));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
