package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleAccess;
import com.voicecore.interfaces.admin.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.IOException;

/** The sign-in page (/login.xhtml): hands the form to Jakarta Security and keeps the identity in the session. */
@Named
@RequestScoped
public class SignIn {

    static final String FAILED = "Sign-in failed: unknown organisation, e-mail or password, or the account is locked"
            + " (five wrong passwords lock it for 15 minutes).";

    @Inject
    SecurityContext security;

    @Inject
    IdentityStoreHandler identityStores;

    @Size(max = 253, message = "An organisation is at most 253 characters")
    private String tenant;

    @NotBlank(message = "Enter your e-mail address")
    @Size(max = 254, message = "An e-mail address is at most 254 characters")
    private String email;

    @NotBlank(message = "Enter your password")
    @Size(max = 1024, message = "A password is at most 1024 characters")
    private String password;

    /** Why the session was ended, when the console sent the browser here for that (the reason word is looked up, never shown as given). */
    public String getEndedReason() {
        String reason = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ended");
        return ConsoleAccess.ofReason(reason).map(ConsoleAccess::message).orElse(null);
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        ConsoleCredential credential = new ConsoleCredential(tenant, email, password);
        password = null;
        // Checked through the identity stores first: a refusal inside SecurityContext.authenticate makes
        // the container answer 401 on its own (an empty page); this way the form shows the refusal.
        if (identityStores.validate(credential).getStatus() != CredentialValidationResult.Status.VALID) {
            Messages.error(null, FAILED);
            return;
        }
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SUCCESS, SEND_CONTINUE -> {
                credential.identity().ifPresent(i -> external.getSessionMap().put(SignedInUser.SESSION_ATTRIBUTE, i));
                if (status == AuthenticationStatus.SUCCESS) {
                    external.redirect(external.getRequestContextPath() + "/");
                }
                faces.responseComplete(); // SEND_CONTINUE: the mechanism has sent the browser back where it was going
            }
            default -> Messages.error(null, FAILED);
        }
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
