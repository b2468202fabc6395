package com.voicecore.interfaces.rest;

import com.voicecore.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API body is anywhere near 64 KiB; a larger one is refused (413) before anything reads or
 * authenticates it, whether it declares its length or streams it chunked.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        if (!request.hasEntity()) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static Response tooLarge() {
        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "Body too large",
                "Request bodies are limited to " + MAX_BODY_BYTES / 1024 + " KiB");
    }
}
