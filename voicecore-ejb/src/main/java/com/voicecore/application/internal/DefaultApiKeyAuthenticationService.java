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

    /** Longer than any key we issue by far; anything longer is not worth hashing. */
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    PlatformGateway platform;

    @Override
    public Optional<UUID> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return platform.tenantOfApiKey(ApiKeySecret.presented(presentedKey.strip()).sha256());
    }
}
