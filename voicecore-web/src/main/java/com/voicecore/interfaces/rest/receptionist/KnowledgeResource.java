package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.application.KnowledgeAnswer;
import com.voicecore.application.KnowledgeDraft;
import com.voicecore.application.KnowledgeService;
import com.voicecore.application.SuggestionApproval;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.domain.model.knowledge.KnowledgeSuggestion;
import com.voicecore.interfaces.rest.Created;
import com.voicecore.interfaces.rest.Fields;
import com.voicecore.interfaces.rest.security.TenantApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Locale;

@Path("knowledge")
@TenantApi
@Tag(name = "Knowledge base")
@SecurityRequirement(name = "apiKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    @Inject
    KnowledgeService knowledge;

    @GET
    @Operation(summary = "The knowledge base, highest priority first; filters: language, category; paging: limit, offset")
    public List<KnowledgeResponse> list(@QueryParam("language") String language, @QueryParam("category") String category,
                                        @QueryParam("limit") @DefaultValue("100") String limit,
                                        @QueryParam("offset") @DefaultValue("0") String offset) {
        return knowledge.list(blankToNull(language), blankToNull(category), bounded("limit", limit, 1, 500),
                bounded("offset", offset, 0, 1_000_000)).stream().map(KnowledgeResponse::of).toList();
    }

    @POST
    @Operation(summary = "Add a question and its answer (keywords: other wordings callers use)")
    public Response create(@NotNull(message = "A JSON body is required") @Valid KnowledgeRequest request, @Context UriInfo uri) {
        KnowledgeResponse created = KnowledgeResponse.of(knowledge.create(draft(request)));
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One entry with its usage and learned rank")
    public KnowledgeResponse get(@PathParam("id") String id) {
        return KnowledgeResponse.of(knowledge.get(Fields.pathId("knowledge entry", id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an entry")
    public KnowledgeResponse update(@PathParam("id") String id, @NotNull(message = "A JSON body is required") @Valid KnowledgeRequest request) {
        return KnowledgeResponse.of(knowledge.update(Fields.pathId("knowledge entry", id), draft(request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an entry")
    public Response delete(@PathParam("id") String id) {
        knowledge.delete(Fields.pathId("knowledge entry", id));
        return Response.noContent().build();
    }

    @GET
    @Path("categories")
    @Operation(summary = "The categories in use")
    public List<String> categories() {
        return knowledge.categories();
    }

    @GET
    @Path("search")
    @Operation(summary = "What the receptionist would answer to these words in that language")
    public List<KnowledgeAnswer> search(@QueryParam("q") String q, @QueryParam("language") @DefaultValue("en") String language) {
        if (q == null || q.isBlank()) {
            throw new InvalidValueException("q", "The words to search for are required");
        }
        if (q.length() > 500) {
            throw new InvalidValueException("q", "At most 500 characters");
        }
        return knowledge.search(q, language, 5);
    }

    @GET
    @Path("suggestions")
    @Operation(summary = "Questions the knowledge base could not answer, most asked first (status: pending, approved, rejected)")
    public List<SuggestionResponse> suggestions(@QueryParam("status") @DefaultValue("pending") String status,
                                                @QueryParam("limit") @DefaultValue("100") String limit) {
        KnowledgeSuggestion.Status s = Fields.convert("status", () -> KnowledgeSuggestion.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        return knowledge.suggestions(s, bounded("limit", limit, 1, 500)).stream().map(SuggestionResponse::of).toList();
    }

    /** The admin's answer (else the draft), category and priority; or attachTo an existing entry. */
    public record ApprovalRequest(String answer, String category, Integer priority, String attachTo) {
    }

    @POST
    @Path("suggestions/{id}/approve")
    @Operation(summary = "Publish a suggestion as a new entry, or add its wording to an existing one (attachTo)")
    public KnowledgeResponse approve(@PathParam("id") String id, ApprovalRequest request) {
        ApprovalRequest r = request == null ? new ApprovalRequest(null, null, null, null) : request;
        return KnowledgeResponse.of(knowledge.approve(Fields.pathId("suggestion", id),
                new SuggestionApproval(r.answer(), r.category(), r.priority(), Fields.optionalId("attachTo", r.attachTo()))));
    }

    @POST
    @Path("suggestions/{id}/reject")
    @Operation(summary = "Reject a suggestion: it is never published")
    public SuggestionResponse reject(@PathParam("id") String id) {
        return SuggestionResponse.of(knowledge.reject(Fields.pathId("suggestion", id)));
    }

    private static KnowledgeDraft draft(KnowledgeRequest r) {
        return new KnowledgeDraft(r.question().strip(), r.answer().strip(), r.keywords(), r.category(),
                r.language() == null ? "en" : r.language(),
                r.priority() == null ? 0 : r.priority(), r.active());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int bounded(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InvalidValueException(field, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be a whole number");
        }
    }
}
