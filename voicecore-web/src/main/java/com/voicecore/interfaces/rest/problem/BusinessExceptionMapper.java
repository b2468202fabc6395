package com.voicecore.interfaces.rest.problem;

import com.voicecore.application.exception.BusinessException;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.ServiceUnavailableException;
import com.voicecore.application.exception.EntityInUseException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** One HTTP answer per business failure type. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        List<Problem.FieldError> errors = e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        if (e instanceof UnknownEntityException) {
            return Problem.response(404, "not-found", "Not found", e.getMessage(), List.of());
        }
        if (e instanceof DuplicateEntityException) {
            return Problem.response(409, "duplicate", "Already exists", e.getMessage(), errors);
        }
        if (e instanceof EntityInUseException) {
            return Problem.response(409, "in-use", "In use", e.getMessage(), errors);
        }
        if (e instanceof InvalidValueException) {
            return Problem.response(400, "invalid-request", "Invalid request", e.getMessage(), errors);
        }
        if (e instanceof ConflictException) {
            return Problem.response(409, "conflict", "Not possible now", e.getMessage(), errors);
        }
        if (e instanceof ServiceUnavailableException) {
            return Problem.response(502, "upstream-unavailable", "An outside service failed", e.getMessage(), errors);
        }
        return Problem.response(400, "rejected", "Request refused", e.getMessage(), errors);
    }
}
