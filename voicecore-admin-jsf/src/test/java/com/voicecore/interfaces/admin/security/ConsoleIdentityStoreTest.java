package com.voicecore.interfaces.admin.security;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleRole;
import com.voicecore.application.console.ConsoleSignIn;
import com.voicecore.domain.model.user.UserRole;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's identity store and the choice of sign-in mechanism, without a container. */
class ConsoleIdentityStoreTest {

    static final UUID TENANT = UUID.randomUUID();

    final List<String> attempts = new ArrayList<>();
    final ConsoleIdentityStore store = new ConsoleIdentityStore(new ConsoleSignIn() {
        @Override
        public Optional<ConsoleIdentity> signIn(String tenant, String email, char[] password) {
            attempts.add(tenant + "/" + email);
            return "right".equals(new String(password))
                    ? Optional.of(ConsoleIdentity.tenantUser(TENANT, "Acme", UUID.randomUUID(), email, "Sam", ConsoleRole.of(UserRole.SUPERVISOR)))
                    : Optional.empty();
        }

        @Override
        public Optional<ConsoleIdentity> singleSignOn(String tenant, String email) {
            return Optional.empty();
        }

        @Override
        public com.voicecore.application.console.ConsoleAccess access(ConsoleIdentity identity) {
            return com.voicecore.application.console.ConsoleAccess.GRANTED;
        }
    });

    @Test
    void theRightPasswordGivesTheCallerNameAndNestedGroups() {
        ConsoleCredential credential = new ConsoleCredential(" acme.example ", "sam@acme.example", "right");
        CredentialValidationResult result = store.validate(credential);
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertTrue(result.getCallerPrincipal().getName().startsWith("tenant:" + TENANT + ":"));
        assertEquals(Set.of("supervisor", "agent"), result.getCallerGroups());
        assertEquals(List.of("acme.example/sam@acme.example"), attempts, "the organisation is trimmed");
        assertEquals(result.getCallerPrincipal().getName(), credential.identity().orElseThrow().principalName());
        assertEquals(0, credential.getPassword().getValue().length, "the password is cleared after the check");
    }

    @Test
    void aWrongPasswordIsInvalidAndLeavesNoIdentity() {
        ConsoleCredential credential = new ConsoleCredential("acme.example", "sam@acme.example", "wrong");
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(credential).getStatus());
        assertTrue(credential.identity().isEmpty());
    }

    @Test
    void aCredentialCheckedOnceIsNotCheckedAgainInTheSameRequest() {
        ConsoleCredential credential = new ConsoleCredential("acme.example", "sam@acme.example", "right");
        store.validate(credential);
        CredentialValidationResult again = store.validate(credential);
        assertEquals(CredentialValidationResult.Status.VALID, again.getStatus());
        assertEquals(1, attempts.size(), "no second password check, so no second failure can be counted either");
    }

    @Test
    void otherCredentialsAreNotThisStoresBusiness() {
        assertSame(CredentialValidationResult.NOT_VALIDATED_RESULT, store.validate(new UsernamePasswordCredential("a", "b")));
        assertTrue(attempts.isEmpty());
    }

    @Test
    void singleSignOnIsOffUnlessSwitchedOnAndTheSettingIsRead() {
        assertEquals(SignInMechanismSelector.Mechanism.FORM, SignInMechanismSelector.mechanism(config(Map.of())));
        assertEquals(SignInMechanismSelector.Mechanism.FORM,
                SignInMechanismSelector.mechanism(config(Map.of(OidcSettings.ENABLED, "false"))));
        assertEquals(SignInMechanismSelector.Mechanism.OIDC,
                SignInMechanismSelector.mechanism(config(Map.of(OidcSettings.ENABLED, "true"))));
    }

    /** Just enough of MicroProfile Config for the selector: string values converted to Boolean. */
    static Config config(Map<String, String> values) {
        return new Config() {
            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow();
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return Optional.ofNullable(values.get(name)).map(v -> type.cast(Boolean.valueOf(v)));
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return List.of();
            }

            @Override
            public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
