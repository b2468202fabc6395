package com.voicecore.interfaces.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The OpenID Connect settings (docs/console.md), read by the mechanism's EL expressions. Environment
 * variables work as usual: {@code VOICECORE_CONSOLE_OIDC_ENABLED}, {@code VOICECORE_CONSOLE_OIDC_PROVIDER_URI}, ...
 */
@Named("consoleOidc")
@ApplicationScoped
public class OidcSettings {

    public static final String ENABLED = "voicecore.console.oidc.enabled";

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.provider-uri")
    Optional<String> providerUri;

    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.caller-name-claim", defaultValue = "email")
    String callerNameClaim;

    /** Signing out of the console also ends the session at the provider (RP-initiated logout), where it has an end_session_endpoint. */
    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.provider-logout", defaultValue = "true")
    boolean providerLogout;

    /** The tenant (domain or id) whose users sign in through the identity provider. */
    @Inject
    @ConfigProperty(name = "voicecore.console.oidc.tenant")
    Optional<String> tenant;

    public boolean isEnabled() {
        return enabled;
    }

    public String getProviderUri() {
        return providerUri.orElse("");
    }

    public String getClientId() {
        return clientId.orElse("");
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    public String getCallerNameClaim() {
        return callerNameClaim;
    }

    public boolean isProviderLogout() {
        return providerLogout;
    }

    public Optional<String> tenant() {
        return tenant.filter(t -> !t.isBlank());
    }
}
