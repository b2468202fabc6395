package com.voicecore.interfaces.admin.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * Jakarta Security 3 allows one authentication mechanism per application, and the annotations that
 * define them are read at deployment: so exactly one of the two holder classes is left for the
 * container to find, chosen by configuration. The form is the default; OIDC only when
 * {@code voicecore.console.oidc.enabled=true}, and then {@link SingleSignOnMechanism} (also left only then) is the
 * mechanism the container calls, with the form beside the OpenID Connect one.
 */
public class SignInMechanismSelector implements Extension {

    private static final Logger LOG = Logger.getLogger(SignInMechanismSelector.class.getName());

    public enum Mechanism { FORM, OIDC }

    private Mechanism chosen;

    void choose(@Observes @WithAnnotations({CustomFormAuthenticationMechanismDefinition.class,
            OpenIdAuthenticationMechanismDefinition.class}) ProcessAnnotatedType<?> type) {
        if (chosen == null) {
            chosen = mechanism(ConfigProvider.getConfig(getClass().getClassLoader()));
            LOG.info(() -> "Console sign-in: " + chosen);
        }
        Class<?> holder = type.getAnnotatedType().getJavaClass();
        if ((holder == FormSignInMechanism.class && chosen != Mechanism.FORM)
                || (holder == OidcSignInMechanism.class && chosen != Mechanism.OIDC)) {
            type.veto();
        }
    }

    /** The mechanism that puts the form and single sign-on side by side exists only with single sign-on on. */
    void chooseSingleSignOn(@Observes ProcessAnnotatedType<SingleSignOnMechanism> type) {
        if (mechanism(ConfigProvider.getConfig(getClass().getClassLoader())) != Mechanism.OIDC) {
            type.veto();
        }
    }

    /** The configured mechanism: OIDC only when switched on explicitly. */
    public static Mechanism mechanism(Config config) {
        return config.getOptionalValue(OidcSettings.ENABLED, Boolean.class).orElse(false) ? Mechanism.OIDC : Mechanism.FORM;
    }
}
