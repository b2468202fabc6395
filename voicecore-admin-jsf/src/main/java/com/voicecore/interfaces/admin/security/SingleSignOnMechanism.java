package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleSignIn;
import com.voicecore.interfaces.admin.security.SingleSignOnContext.Verdict;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's sign-in while single sign-on is on ({@code voicecore.console.oidc.enabled=true}; vetoed
 * otherwise by {@link SignInMechanismSelector}). Jakarta Security 3 gives an application one mechanism, but the
 * console needs two: the configured company signs in through its identity provider (Jakarta Security's OpenID
 * Connect mechanism, defined on {@link OidcSignInMechanism}), platform admins and other companies through the
 * form. As an enabled alternative this bean is the mechanism the container calls; it does the form's part
 * itself (the credential {@link SignIn} hands over), lets the OpenID Connect mechanism handle its two addresses
 * ({@value #START} starts, {@value #CALLBACK} is the redirect URI) through {@link SingleSignOnContext}, and sends
 * everyone else who needs to sign in to the sign-in page, which offers both.
 * <p>Any failure of the provider round trip (a token for another client, a bad signature, a wrong nonce, an
 * unsigned or expired token, the provider refusing the code or not answering) ends the half-done sign-in and
 * shows the sign-in page with a message, never an error page.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@AutoApplySession
@ApplicationScoped
public class SingleSignOnMechanism implements HttpAuthenticationMechanism {

    static final String START = "/oidc/sign-in";
    static final String CALLBACK = "/oidc/callback";

    private static final Logger LOG = Logger.getLogger(SingleSignOnMechanism.class.getName());

    @Inject
    BeanManager beans;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    OidcSettings settings;

    @Inject
    ConsoleSignIn signIn;

    @Inject
    Instance<OpenIdContext> openId;

    private volatile HttpAuthenticationMechanism openIdConnect;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (context.getAuthParameters().getCredential() instanceof ConsoleCredential credential) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (START.equals(path) || CALLBACK.equals(path)) {
            return singleSignOn(request, response, context);
        }
        return context.isProtected() ? context.redirect(request.getContextPath() + "/login.xhtml") : context.doNothing();
    }

    private AuthenticationStatus singleSignOn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SingleSignOnContext guarded = new SingleSignOnContext(context, this::judge);
        AuthenticationStatus status;
        try {
            status = openIdConnect().validateRequest(request, response, guarded);
        } catch (AuthenticationException | RuntimeException e) {
            // the token checks throw; the message names the check (never the token), the cause's too
            LOG.log(Level.WARNING, "Single sign-on refused: {0}", e.getCause() == null ? e.getMessage()
                    : e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return refused(request, context, "failed");
        }
        if (status == AuthenticationStatus.SEND_FAILURE) {
            return refused(request, context, guarded.refusal().orElse("failed"));
        }
        return status;
    }

    /** The provider has vouched for the caller (the e-mail claim): whom does the console admit? */
    private Verdict judge(String callerName) {
        OpenIdContext token = openId.get();
        if (!signed(token.getIdentityToken())) {
            LOG.warning("Single sign-on refused: an unsigned ID token");
            return Verdict.refuse("failed");
        }
        if (emailUnverified(token)) {
            return Verdict.refuse("denied");
        }
        return settings.tenant().flatMap(t -> signIn.singleSignOn(t, callerName)).map(Verdict::admit).orElse(Verdict.refuse("denied"));
    }

    /** Jakarta Security accepts an ID token with {@code alg: none}; the console does not. */
    static boolean signed(IdentityToken token) {
        String[] parts = token.getToken().split("\\.", -1);
        try (JsonReader reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            return !"none".equalsIgnoreCase(header.getString("alg", "none")) && parts.length == 3 && !parts[2].isEmpty();
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** The provider says the e-mail it gave is not verified (where the e-mail came from: the ID token, else userinfo). */
    static boolean emailUnverified(OpenIdContext token) {
        Map<String, Object> claims = token.getIdentityToken().getClaims();
        if (claims.containsKey("email")) {
            return Boolean.FALSE.equals(claims.get("email_verified"));
        }
        JsonObject userInfo = token.getClaimsJson();
        return userInfo.containsKey("email_verified") && JsonValue.FALSE.equals(userInfo.get("email_verified"));
    }

    private static AuthenticationStatus refused(HttpServletRequest request, HttpMessageContext context, String reason) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate(); // the provider's tokens and the half-done sign-in's state go with it
        }
        return context.redirect(request.getContextPath() + "/login.xhtml?sso=" + reason);
    }

    /** Jakarta Security's OpenID Connect mechanism, the other bean of this type (made from the annotation on {@link OidcSignInMechanism}). */
    private HttpAuthenticationMechanism openIdConnect() {
        HttpAuthenticationMechanism found = openIdConnect;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(b -> !SingleSignOnMechanism.class.equals(b.getBeanClass()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No OpenID Connect mechanism: is OidcSignInMechanism deployed?"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
            openIdConnect = found;
        }
        return found;
    }

    /** Where signing out of the console also ends the provider's session (RP-initiated logout), if it should and can. */
    Optional<String> providerSignOut(HttpServletRequest request, String returnTo) {
        HttpSession session = request.getSession(false);
        if (!settings.isProviderLogout() || session == null || session.getAttribute(SingleSignOnContext.SESSION_MARK) == null) {
            return Optional.empty();
        }
        OpenIdContext token = openId.get();
        String endSession = token.getProviderMetadata().getString("end_session_endpoint", "");
        if (endSession.isBlank() || token.getIdentityToken() == null) {
            return Optional.empty();
        }
        return Optional.of(endSession + (endSession.contains("?") ? "&" : "?")
                + "id_token_hint=" + encode(token.getIdentityToken().getToken())
                + "&post_logout_redirect_uri=" + encode(returnTo)
                + "&client_id=" + encode(settings.getClientId()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
