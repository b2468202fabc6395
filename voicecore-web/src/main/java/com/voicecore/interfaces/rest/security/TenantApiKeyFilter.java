package com.voicecore.interfaces.rest.security;

import com.voicecore.application.ApiKeyAuthenticationService;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.UUID;

/**
 * The REST entry point of the tenant wall: the API key names the tenant, and that tenant becomes the
 * thread's context for the request (cleared by {@link TenantContextCleanupFilter}).
 */
@Provider
@TenantApi
@Priority(Priorities.AUTHENTICATION)
public class TenantApiKeyFilter implements ContainerRequestFilter {

    @Inject
    ApiKeyAuthenticationService authentication;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<UUID> tenant = BearerToken.of(request).flatMap(authentication::authenticate);
        if (tenant.isEmpty()) {
            request.abortWith(BearerToken.unauthorized("Send a valid tenant API key as 'Authorization: Bearer <key>'"));
            return;
        }
        TenantContext.set(tenant.get());
    }
}
