package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The console's identity store: tenant users (tenant_users, PBKDF2) and platform admins, through the
 * {@link ConsoleSignIn} use case (lockout included). Validates and provides the groups in one step.
 * Any other kind of credential is not this store's business.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ConsoleSignIn signIn;

    public ConsoleIdentityStore() {
    }

    ConsoleIdentityStore(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ConsoleCredential console)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (console.identity().isPresent()) {
            // this store checked the password earlier in this request (the sign-in page asks first, then
            // hands the same credential object to the container); a credential is never built from input
            return valid(console.identity().get());
        }
        Optional<ConsoleIdentity> identity = signIn.signIn(console.tenant(), console.getCaller(), console.getPassword().getValue());
        console.getPassword().clear();
        if (identity.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        console.signedIn(identity.get());
        return valid(identity.get());
    }

    private static CredentialValidationResult valid(ConsoleIdentity identity) {
        return new CredentialValidationResult(identity.principalName(), identity.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
