package com.voicecore.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The platform API answers only the key in {@code VOICECORE_PLATFORM_API_KEY}; with none configured,
 * or one shorter than 32 characters (too easy to guess), the platform API is closed. Compared as
 * hashes in constant time.
 */
@Provider
@PlatformApi
@Priority(Priorities.AUTHENTICATION)
public class PlatformApiKeyFilter implements ContainerRequestFilter {

    static final int MIN_KEY_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "voicecore.platform.api-key")
    Optional<String> platformKey;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> presented = BearerToken.of(request);
        if (platformKey.filter(k -> k.strip().length() >= MIN_KEY_LENGTH).isEmpty() || presented.isEmpty()
                || !MessageDigest.isEqual(sha256(platformKey.get()), sha256(presented.get()))) {
            request.abortWith(BearerToken.unauthorized("Send the platform API key as 'Authorization: Bearer <key>'"));
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
