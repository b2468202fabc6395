package com.voicecore.interfaces.rest.platform;

import com.voicecore.application.NewTenant;
import com.voicecore.application.TenantProvisioningService;
import com.voicecore.application.TenantRegistryService;
import com.voicecore.domain.model.registry.TenantDefaults;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.interfaces.rest.Created;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.PlatformApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("platform/tenants")
@PlatformApi
@Tag(name = "Platform: tenants")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTenantResource {

    @Inject
    TenantProvisioningService provisioning;

    @Inject
    TenantRegistryService registry;

    @POST
    @Operation(summary = "Provision a tenant with its defaults, a first admin and an API key (shown once)")
    public Response create(@NotNull(message = "A JSON body is required") @Valid CreateTenantRequest request,
                           @Context UriInfo uri) {
        NewTenant command = new NewTenant(
                request.name().strip(),
                request.domain(),
                Fields.convert("adminEmail", () -> new EmailAddress(request.adminEmail())),
                Optional.ofNullable(request.adminName()).filter(n -> !n.isBlank()).orElse("Administrator"),
                Fields.convert("timeZone", () -> ZoneId.of(Optional.ofNullable(request.timeZone()).orElse("UTC"))),
                Optional.ofNullable(request.languages()).filter(l -> !l.isEmpty()).orElse(List.of("en")),
                Optional.ofNullable(request.departments()).filter(l -> !l.isEmpty()).orElse(TenantDefaults.DEPARTMENTS),
                Optional.ofNullable(request.planCode()).filter(p -> !p.isBlank()).orElse("standard"),
                Optional.ofNullable(request.includedMinutes()).orElse(1000));
        ProvisionedTenantResponse created = ProvisionedTenantResponse.of(provisioning.provision(command));
        // it carries the API key and the first password: no cache, proxy or browser may keep it
        return Created.at(uri, created.tenant().id(), created).header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(summary = "List tenants, oldest first")
    public TenantPage list(@QueryParam("limit") @DefaultValue("50") int limit,
                           @QueryParam("offset") @DefaultValue("0") int offset) {
        int boundedLimit = Math.max(1, Math.min(limit, 500));
        int boundedOffset = Math.max(0, offset);
        return new TenantPage(registry.list(boundedLimit, boundedOffset).stream().map(TenantResponse::of).toList(),
                registry.count(), boundedLimit, boundedOffset);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One tenant's registry entry")
    public TenantResponse get(@PathParam("id") String id) {
        return TenantResponse.of(registry.get(Fields.pathId("tenant", id)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a tenant and every row it owns; answers with the deletion receipt")
    public DeletionReceiptResponse delete(@PathParam("id") String id) {
        UUID tenantId = Fields.pathId("tenant", id);
        return DeletionReceiptResponse.of(registry.delete(tenantId, "platform-api"));
    }

    @GET
    @Path("{id}/deletion-receipt")
    @Operation(summary = "The receipt left by a tenant's deletion")
    public DeletionReceiptResponse receipt(@PathParam("id") String id) {
        return DeletionReceiptResponse.of(registry.deletionReceipt(Fields.pathId("tenant", id)));
    }
}
