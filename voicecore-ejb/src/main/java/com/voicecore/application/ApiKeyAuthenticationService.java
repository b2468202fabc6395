package com.voicecore.application;

import java.util.Optional;
import java.util.UUID;

/** Which tenant a presented API key speaks for, if any. */
public interface ApiKeyAuthenticationService {

    Optional<UUID> authenticate(String presentedKey);
}
