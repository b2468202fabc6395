package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Every console request runs in the signed-in user's tenant: the tenant comes from the identity kept
 * in the session at sign-in (never from the request), and is set as the thread's tenant context for
 * the request, exactly as the REST API does with an API key, so row-level security and
 * {@code @TenantId} confine everything the request does. A platform admin's requests run in no tenant.
 * A caller the container knows but the console does not (a session out of step) is signed out.
 * Also sets the headers every console page needs (no framing, no caching of pages).
 */
@WebFilter(urlPatterns = "/*")
public class ConsoleRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        Optional<ConsoleIdentity> identity = identity(request);
        if (request.getUserPrincipal() != null && identity.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.logout();
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        identity.ifPresent(i -> request.setAttribute(SignedInUser.REQUEST_ATTRIBUTE, i));
        TenantContext.clear();
        if (identity.isPresent() && identity.get().tenantId() != null) {
            TenantContext.set(identity.get().tenantId());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    /** The console identity of the container's caller, kept in the session at sign-in (form or single sign-on), if they agree. */
    private Optional<ConsoleIdentity> identity(HttpServletRequest request) {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        if (kept instanceof ConsoleIdentity identity && identity.principalName().equals(caller.getName())) {
            return Optional.of(identity);
        }
        return Optional.empty();
    }
}
