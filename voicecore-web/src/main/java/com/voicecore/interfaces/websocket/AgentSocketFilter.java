package com.voicecore.interfaces.websocket;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentTokenService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses the upgrade before it happens: no valid agent token, 401; an agent token at the supervisor
 * endpoint, 403. The endpoints check the token again in their configurator (defence in depth).
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class AgentSocketFilter extends HttpFilter {

    @Inject
    AgentTokenService tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        Optional<AgentClaims> claims = AgentHandshake.verify(tokens, headers);
        if (claims.isEmpty()) {
            refuse(response, 401, "A valid agent token is required");
            return;
        }
        if (request.getRequestURI().endsWith("/ws/supervisor") && !claims.get().isSupervisor()) {
            refuse(response, 403, "The supervisor endpoint needs a supervisor token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
