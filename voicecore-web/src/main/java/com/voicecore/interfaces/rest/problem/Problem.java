package com.voicecore.interfaces.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String message) {
    }

    public static Response response(Response.Status status, String slug, String title, String detail) {
        return response(status.getStatusCode(), slug, title, detail, List.of());
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA)
                .entity(new Problem("/problems/" + slug, title, status, detail, errors.isEmpty() ? null : errors))
                .build();
    }
}
