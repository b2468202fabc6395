package com.voicecore.interfaces.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The console's default sign-in: Jakarta Security's custom form mechanism with our own PrimeFaces page
 * (/login.xhtml), which calls {@code SecurityContext.authenticate} with a {@link ConsoleCredential}.
 * The mechanism keeps the caller in the HTTP session. Replaced by {@link OidcSignInMechanism} when
 * {@code voicecore.console.oidc.enabled=true} ({@link SignInMechanismSelector}).
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"platform-admin", "tenant-admin", "supervisor", "agent"})
@ApplicationScoped
public class FormSignInMechanism {
}
