package com.voicecore.interfaces.admin.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Optional;

/**
 * Sign-out (a POST from the header's form, so another site cannot sign a user out with a link). After a single
 * sign-on the browser goes on to the provider's end-session address, so the company's session ends there too
 * (a shared desk must not sign the next person in as the last one); it comes back to the sign-in page.
 */
@Named
@RequestScoped
public class SignOut {

    @Inject
    Instance<SingleSignOnMechanism> singleSignOn;

    public void signOut() throws ServletException, IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String signedOut = external.getRequestContextPath() + "/login.xhtml?signedOut=true";
        String base = request.getRequestURL().substring(0, request.getRequestURL().length() - request.getRequestURI().length());
        // read before the session (which holds the provider's ID token) is gone
        Optional<String> atProvider = singleSignOn.isResolvable() ? singleSignOn.get().providerSignOut(request, base + signedOut) : Optional.empty();
        request.logout();
        external.invalidateSession();
        external.redirect(atProvider.orElse(signedOut));
        faces.responseComplete();
    }
}
