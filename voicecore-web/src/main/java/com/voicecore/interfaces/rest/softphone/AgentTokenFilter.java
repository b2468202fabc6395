package com.voicecore.interfaces.rest.softphone;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentTokenService;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * The agent token as a REST credential: its signature verified without a database look-up, its tenant
 * becomes the request's tenant (the wall then confines every query to it) if that tenant is still active,
 * its claims are handed to the resource.
 * Nothing in the request can name another tenant or agent.
 */
@Provider
@AgentApi
@Priority(Priorities.AUTHENTICATION)
public class AgentTokenFilter implements ContainerRequestFilter {

    static final String CLAIMS = AgentClaims.class.getName();
    private static final String PREFIX = "Bearer ";

    @Inject
    AgentTokenService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<AgentClaims> claims = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).flatMap(tokens::verify);
        if (claims.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                            "Send a valid agent token as 'Authorization: Bearer <token>' (POST /api/v1/agent-login)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"voicecore-agent\"")
                    .build());
            return;
        }
        TenantContext.set(claims.get().tenantId());
        // a token outlives its company's suspension by up to its lifetime: the status is checked per request
        if (!tokens.tenantActive(claims.get())) {
            TenantContext.clear();
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "access-ended", "Access ended",
                    "This company's access to VoiceCore is suspended"));
            return;
        }
        request.setProperty(CLAIMS, claims.get());
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).strip());
    }
}
