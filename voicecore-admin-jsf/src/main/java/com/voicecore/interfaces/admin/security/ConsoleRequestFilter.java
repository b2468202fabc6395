package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleAccess;
import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleSignIn;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.inject.Inject;
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
 * A caller the container knows but the console does not (a session out of step) is signed out, and so
 * is one whose access ended after sign-in (tenant suspended or deleted, account removed, role changed):
 * checked on every request, so a suspension or a downgrade takes effect at the user's next click.
 * Also sets the headers every console page needs (no framing, no caching of pages).
 */
@WebFilter(urlPatterns = "/*")
public class ConsoleRequestFilter extends HttpFilter {

    @Inject
    ConsoleSignIn signIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        Optional<ConsoleIdentity> identity = identity(request);
        if (request.getUserPrincipal() != null && identity.isEmpty()) {
            signOut(request, response, "/login.xhtml");
            return;
        }
        if (identity.isPresent() && !isStaticResource(request)) {
            // access may have ended since sign-in (tenant suspended, user removed, role changed): one query per request
            ConsoleAccess access = signIn.access(identity.get());
            if (access != ConsoleAccess.GRANTED) {
                signOut(request, response, "/login.xhtml?ended=" + access.reason());
                return;
            }
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

    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().contains("/jakarta.faces.resource/");
    }

    /**
     * Ends the session and sends the browser to the sign-in page. A Faces Ajax request (every button) is
     * answered with a partial response that redirects, since a plain 302 would only reach the XHR.
     */
    private static void signOut(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        String url = request.getContextPath() + page;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(url);
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
