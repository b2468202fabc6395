package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * Who this request is for, as the pages and beans see it ({@code #{signedInUser.displayName}}). Beans
 * use {@link #actor()} to name the user in the audit log, and {@link #identity()} for anything else.
 */
@Named
@RequestScoped
public class SignedInUser {

    static final String SESSION_ATTRIBUTE = "voicecore.console.identity";
    static final String REQUEST_ATTRIBUTE = "voicecore.console.identity";

    public Optional<ConsoleIdentity> current() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Object identity = faces == null ? null : faces.getExternalContext().getRequestMap().get(REQUEST_ATTRIBUTE);
        return Optional.ofNullable((ConsoleIdentity) identity);
    }

    public ConsoleIdentity identity() {
        return current().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    /** The name the audit log records: the user's e-mail. */
    public String actor() {
        return identity().email();
    }

    public boolean isSignedIn() {
        return current().isPresent();
    }

    public String getDisplayName() {
        return current().map(ConsoleIdentity::displayName).orElse("");
    }

    public String getEmail() {
        return current().map(ConsoleIdentity::email).orElse("");
    }

    /** The tenant's name, or "Platform" for a platform admin. */
    public String getTenantName() {
        return current().map(i -> i.isPlatformAdmin() ? "Platform" : i.tenantName()).orElse("");
    }

    public boolean isPlatformAdmin() {
        return current().map(i -> i.has(ConsoleRole.PLATFORM_ADMIN)).orElse(false);
    }

    public boolean isTenantAdmin() {
        return current().map(i -> i.has(ConsoleRole.TENANT_ADMIN)).orElse(false);
    }

    public boolean isSupervisor() {
        return current().map(i -> i.has(ConsoleRole.SUPERVISOR)).orElse(false);
    }
}
