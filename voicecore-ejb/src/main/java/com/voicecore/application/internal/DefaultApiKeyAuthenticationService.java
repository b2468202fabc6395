package com.voicecore.application.internal;

import com.voicecore.application.ApiKeyAuthenticationService;
import com.voicecore.domain.model.apikey.ApiKeySecret;
import com.voicecore.infrastructure.platform.PlatformGateway;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultApiKeyAuthenticationService implements ApiKeyAuthenticationService {

    @Inject
    PlatformGateway platform;

    @Override
    public Optional<UUID> authenticate(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        ApiKeySecret key = ApiKeySecret.presented(presentedKey.strip());
        // a malformed key costs no transaction and no database round trip
        return key.isWellFormed() ? platform.tenantOfApiKey(key.sha256()) : Optional.empty();
    }
}
