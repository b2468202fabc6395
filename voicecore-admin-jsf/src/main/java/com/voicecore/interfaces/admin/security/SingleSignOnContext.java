package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpSession;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the OpenID Connect mechanism tells the container, with the console's answer in place of the provider's:
 * the caller the provider vouches for becomes the configured company's user with that e-mail, under the same
 * caller name and with the same groups (roles) as a form sign-in gives, and that identity is kept in the
 * session. Groups the provider sends (a {@code groups} claim) are never used: a company's identity provider
 * must not be able to make anyone a platform admin. Nobody to admit, no sign-in.
 */
final class SingleSignOnContext extends HttpMessageContextWrapper {

    /** Whom the console admits for a caller the provider vouches for, or why not ("denied", "failed"). */
    record Verdict(ConsoleIdentity identity, String refusal) {

        static Verdict admit(ConsoleIdentity identity) {
            return new Verdict(identity, null);
        }

        static Verdict refuse(String why) {
            return new Verdict(null, why);
        }
    }

    static final String SESSION_MARK = "voicecore.console.single-sign-on";

    private final Function<String, Verdict> judge;
    private String refusal;

    SingleSignOnContext(HttpMessageContext wrapped, Function<String, Verdict> judge) {
        super(wrapped);
        this.judge = judge;
    }

    /** Why the sign-in was refused, if the console refused it (not the provider or the token checks). */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void setRegisterSession(String callerName, Set<String> groups) {
        // decided in notifyContainerAboutLogin, under the console's caller name and groups
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return super.notifyContainerAboutLogin(result);
        }
        Verdict verdict = judge.apply(result.getCallerPrincipal().getName());
        if (verdict.identity() == null) {
            refusal = verdict.refusal();
            return super.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        }
        ConsoleIdentity identity = verdict.identity();
        HttpSession session = getRequest().getSession();
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, identity);
        session.setAttribute(SESSION_MARK, Boolean.TRUE);
        getRequest().changeSessionId(); // the session that carried the sign-in's state is not the signed-in one (fixation)
        super.setRegisterSession(identity.principalName(), identity.groups());
        return super.notifyContainerAboutLogin(identity.principalName(), identity.groups());
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        return principal == null ? super.notifyContainerAboutLogin(principal, groups)
                : notifyContainerAboutLogin(new CredentialValidationResult(principal.getName(), groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return callerName == null ? super.notifyContainerAboutLogin(callerName, groups)
                : notifyContainerAboutLogin(new CredentialValidationResult(callerName, groups));
    }
}
