package com.voicecore.interfaces.rest.department;

import com.voicecore.application.DepartmentDraft;
import com.voicecore.application.DepartmentService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.shared.ExtensionRange;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("departments")
@TenantApi
@Tag(name = "Departments")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    DepartmentService departments;

    @POST
    @Operation(summary = "Create a department")
    public Response create(@NotNull(message = "A JSON body is required") @Valid DepartmentRequest request,
                           @Context UriInfo uri) {
        DepartmentResponse created = DepartmentResponse.of(departments.create(draft(request)));
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "List the tenant's departments")
    public List<DepartmentResponse> list() {
        return departments.list().stream().map(DepartmentResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One department")
    public DepartmentResponse get(@PathParam("id") String id) {
        return DepartmentResponse.of(departments.get(Fields.pathId("department", id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a department's name, description and extension block")
    public DepartmentResponse update(@PathParam("id") String id,
                                     @NotNull(message = "A JSON body is required") @Valid DepartmentRequest request) {
        return DepartmentResponse.of(departments.update(Fields.pathId("department", id), draft(request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a department that has no agents (the reception department stays)")
    public Response delete(@PathParam("id") String id) {
        departments.delete(Fields.pathId("department", id));
        return Response.noContent().build();
    }

    private static DepartmentDraft draft(DepartmentRequest request) {
        if ((request.extensionFrom() == null) != (request.extensionTo() == null)) {
            throw new InvalidValueException(request.extensionFrom() == null ? "extensionFrom" : "extensionTo",
                    "Give both ends of the extension block, or neither");
        }
        ExtensionRange range = request.extensionFrom() == null ? null
                : Fields.convert("extensionFrom", () -> ExtensionRange.of(request.extensionFrom(), request.extensionTo()));
        return new DepartmentDraft(request.name().strip(), request.description(), range);
    }
}
