package com.voicecore.application.internal;

import com.voicecore.application.ApiKeyAuthenticationService;
import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.domain.model.registry.TenantRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultApiKeyAuthenticationService implements ApiKeyAuthenticationService {

    @Inject
    TenantRegistry registry;

    @Override
    public Optional<UUID> authenticate(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        ApiKeySecret key = ApiKeySecret.presented(presentedKey.strip());
        // a malformed key costs no transaction and no database round trip
        return key.isWellFormed() ? registry.tenantOfApiKey(key.sha256()) : Optional.empty();
    }
}
