package com.voicecore.interfaces.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Corporate single sign-on: Jakarta Security's OpenID Connect mechanism, configured from
 * {@link OidcSettings} (MicroProfile Config, {@code voicecore.console.oidc.*}). Present only when
 * {@code voicecore.console.oidc.enabled=true}; off by default ({@link SignInMechanismSelector}).
 * The signed-in user must exist as a user of the configured tenant (matched by e-mail); their console
 * role comes from there ({@link OidcGroupsStore}), never from the identity provider's claims.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${consoleOidc.providerUri}",
        clientId = "${consoleOidc.clientId}",
        clientSecret = "${consoleOidc.clientSecret}",
        redirectURI = "${baseURL}/oidc/callback",
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "${consoleOidc.callerNameClaim}"))
@DeclareRoles({"platform-admin", "tenant-admin", "supervisor", "agent"})
@ApplicationScoped
public class OidcSignInMechanism {
}
