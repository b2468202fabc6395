package com.voicecore.interfaces.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Corporate single sign-on: Jakarta Security's OpenID Connect mechanism (authorization code flow, client secret,
 * nonce, state in the session), configured from {@link OidcSettings} (MicroProfile Config,
 * {@code voicecore.console.oidc.*}). Present only when {@code voicecore.console.oidc.enabled=true}; off by default
 * ({@link SignInMechanismSelector}). The container calls {@link SingleSignOnMechanism}, which hands this one the
 * sign-in start and the redirect URI ({@code <base>/admin/oidc/callback}). The signed-in user must exist as a user
 * of the configured tenant (matched by the e-mail claim); their console role comes from there
 * ({@link SingleSignOnContext}), never from the identity provider's claims.
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
