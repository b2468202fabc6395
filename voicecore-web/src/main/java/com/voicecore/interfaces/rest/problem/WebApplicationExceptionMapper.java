package com.voicecore.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method or media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request body could not be read: send valid JSON matching the documented schema";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "This resource answers in application/json only";
            case 415 -> "Send the body as application/json";
            default -> reason;
        };
        Response problem = Problem.response(status, reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), reason,
                detail, java.util.List.of());
        // keep what JAX-RS told the client (Allow on 405, WWW-Authenticate, Retry-After...)
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
