package com.voicecore.application.console;

import java.util.Optional;

/**
 * The console's sign-in use case: a tenant user names the tenant (its domain, e.g.
 * {@code northwind-dental.example}, or its id) with e-mail and password; a platform admin leaves the
 * tenant empty. Answers who signed in, or nothing (one failure for every reason).
 */
public interface ConsoleSignIn {

    Optional<ConsoleIdentity> signIn(String tenantReference, String email, char[] password);

    /**
     * A user the identity provider has already authenticated (single sign-on): the user of that tenant with that
     * e-mail, if there is one, under the same caller name as a form sign-in, recorded in the tenant's audit log.
     * No password, no lockout: the provider decides who may authenticate, the tenant's users what they may do.
     */
    Optional<ConsoleIdentity> singleSignOn(String tenantReference, String email);

    /** Whether this signed-in user may still act now (checked on every console request). */
    ConsoleAccess access(ConsoleIdentity identity);
}
