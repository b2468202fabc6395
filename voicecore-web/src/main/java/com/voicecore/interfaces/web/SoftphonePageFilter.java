package com.voicecore.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Headers of the softphone's pages. The Content-Security-Policy allows only the softphone's own
 * scripts and styles (no inline script, no eval: caller-supplied text can never run), WebSockets and
 * fetches to this origin, and what the Twilio Voice SDK needs: its signalling and event gateway on
 * twilio.com, its ringtones from sdk.twilio.com, and media streams. The page cannot be framed.
 */
@WebFilter(urlPatterns = {"/agent", "/agent/*"}, asyncSupported = true)
public class SoftphonePageFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self' https://*.twilio.com wss://*.twilio.com",
            "media-src 'self' blob: https://sdk.twilio.com",
            "worker-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
        String path = request.getRequestURI();
        // the shell and its worker are revalidated every time, so a deployment reaches agents at once
        if (path.endsWith("/") || path.endsWith(".html") || path.endsWith("/sw.js")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        if (path.endsWith(".webmanifest")) {
            // Undertow has no mapping for .webmanifest; browsers want this type for the manifest
            chain.doFilter(request, new FixedContentType(response, "application/manifest+json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class FixedContentType extends HttpServletResponseWrapper {
        FixedContentType(HttpServletResponse response, String type) {
            super(response);
            response.setContentType(type);
        }

        @Override
        public void setContentType(String type) {
            // keep ours
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }
    }
}
