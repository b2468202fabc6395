package com.voicecore.interfaces.rest.platform;

import com.voicecore.application.console.ConsoleAccountService;
import com.voicecore.interfaces.rest.security.PlatformApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Platform admins of the console (docs/console.md): created with the platform key, each with a
 * generated password answered once. There is no other way to make one, so whoever holds the platform
 * key decides who runs the platform.
 */
@Path("platform/admins")
@PlatformApi
@Tag(name = "Platform: console admins")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAdminResource {

    @Inject
    ConsoleAccountService accounts;

    public record CreatePlatformAdminRequest(
            @NotBlank(message = "An e-mail address is required") @Email(message = "Not an e-mail address")
            @Size(max = 254, message = "At most 254 characters") String email,
            @NotBlank(message = "A name is required") @Size(max = 200, message = "At most 200 characters") String name) {
    }

    public record PlatformAdminCreated(UUID id, String email, String password) {
    }

    @POST
    @Operation(summary = "Add a console platform admin; answers the generated password, once")
    public Response create(@NotNull(message = "A JSON body is required") @Valid CreatePlatformAdminRequest request) {
        ConsoleAccountService.NewPlatformAdmin created = accounts.addPlatformAdmin(request.email().strip(), request.name().strip());
        return Response.status(Response.Status.CREATED)
                .entity(new PlatformAdminCreated(created.id(), created.email(), created.password()))
                .header("Cache-Control", "no-store").build();
    }
}
