package com.voicecore.interfaces.rest.problem;

import com.voicecore.application.exception.BusinessException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A body the JSON binding cannot read is the client's fault (400, in fixed words:
 * the binding's own message names Java types); an EJB that wrapped a validation or business failure
 * is unwrapped; the rest is logged under an incident id and answered 500 without internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return ConstraintViolationMapper.response(violation);
            }
            if (t instanceof BusinessException business) {
                return new BusinessExceptionMapper().toResponse(business);
            }
            if (t instanceof JsonbException) {
                LOG.log(Level.FINE, "Unreadable request body", e);
                return Problem.response(400, "malformed-body", "Malformed body",
                        "The request body is not valid JSON for this resource: check the types against the"
                                + " OpenAPI document", java.util.List.of());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; quote incident " + incident);
    }
}
