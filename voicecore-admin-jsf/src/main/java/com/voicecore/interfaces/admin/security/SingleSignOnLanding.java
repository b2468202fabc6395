package com.voicecore.interfaces.admin.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Where the browser lands on the single sign-on addresses once {@link SingleSignOnMechanism} has done its part:
 * signed in, the console's home page; the provider answering with an error (the user cancelled, say), the
 * sign-in page saying so; anything else, the sign-in page.
 */
@WebServlet(urlPatterns = {SingleSignOnMechanism.START, SingleSignOnMechanism.CALLBACK})
public class SingleSignOnLanding extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(SignedInUser.REQUEST_ATTRIBUTE) != null) {
            response.sendRedirect(request.getContextPath() + "/");
        } else if (request.getParameter("error") != null) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml?sso=failed");
        } else {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
        }
    }
}
