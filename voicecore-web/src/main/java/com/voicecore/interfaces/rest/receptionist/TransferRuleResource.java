package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.application.TransferRuleDraft;
import com.voicecore.application.TransferRuleService;
import com.voicecore.domain.model.conversation.TransferRule;
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
import java.util.Map;

@Path("transfer-rules")
@TenantApi
@Tag(name = "Transfer rules")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TransferRuleResource {

    @Inject
    TransferRuleService rules;

    @GET
    @Operation(summary = "The receptionist's transfer rules, in the order they are tried")
    public List<TransferRuleResponse> list() {
        List<TransferRule> all = rules.list();
        Map<java.util.UUID, String> names = rules.targetNames(all);
        return all.stream().map(r -> TransferRuleResponse.of(r, names.get(r.id()))).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One transfer rule")
    public TransferRuleResponse get(@PathParam("id") String id) {
        return response(rules.find(Fields.pathId("transfer rule", id)));
    }

    @POST
    @Operation(summary = "Add a transfer rule: callers who say one of its phrases go to its target")
    public Response add(@NotNull(message = "A JSON body is required") @Valid TransferRuleRequest request, @Context UriInfo uri) {
        TransferRuleResponse rule = response(rules.add(draft(request)));
        return Created.at(uri, rule.id(), rule).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a transfer rule (checked like a new one); active false switches it off, true on")
    public TransferRuleResponse change(@PathParam("id") String id,
                                       @NotNull(message = "A JSON body is required") @Valid TransferRuleRequest request) {
        return response(rules.change(Fields.pathId("transfer rule", id), draft(request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a transfer rule")
    public Response remove(@PathParam("id") String id) {
        rules.remove(Fields.pathId("transfer rule", id));
        return Response.noContent().build();
    }

    private TransferRuleResponse response(TransferRule rule) {
        return TransferRuleResponse.of(rule, rules.targetNames(List.of(rule)).get(rule.id()));
    }

    private static TransferRuleDraft draft(TransferRuleRequest request) {
        TransferRule.TargetKind kind = Fields.convert("target", () -> {
            try {
                return TransferRule.TargetKind.fromCode(request.target());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("target is department, agent, voicemail or operator");
            }
        });
        return new TransferRuleDraft(request.name(), request.description(), request.phrases(), kind,
                Fields.optionalId("targetId", request.targetId()), request.position(), request.active());
    }
}
