package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/**
 * With single sign-on on, the identity provider says who the caller is and this store says what they
 * may do: the console groups of the configured tenant's user with that e-mail (none, so no access,
 * when there is no such user). Does nothing while single sign-on is off.
 */
@ApplicationScoped
public class OidcGroupsStore implements IdentityStore {

    @Inject
    OidcSettings settings;

    @Inject
    ConsoleSignIn signIn;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        String caller = result.getCallerPrincipal().getName();
        return settings.tenant().flatMap(t -> signIn.federated(t, caller, caller)).map(ConsoleIdentity::groups).orElse(Set.of());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return settings.isEnabled() ? EnumSet.of(ValidationType.PROVIDE_GROUPS) : EnumSet.noneOf(ValidationType.class);
    }
}
