package com.voicecore.application;

import java.util.Optional;

/**
 * A tenant's realtime voice settings: the transport switch, the OpenAI key (stored encrypted, never
 * shown back), model, voice and the limit of concurrent realtime calls.
 */
public interface RealtimeSettingsService {

    /** What an admin may see: never the key, only whether one is stored. */
    record View(boolean enabled, boolean apiKeyStored, String model, String voice, int maxConcurrentCalls) {
    }

    /**
     * {@code apiKey}: empty keeps the stored key, an empty string removes it. Enabling needs a key.
     * Invalid values answer {@link com.voicecore.application.exception.InvalidValueException} naming the field.
     */
    record Draft(boolean enabled, Optional<String> apiKey, String model, String voice, int maxConcurrentCalls) {

        @Override
        public String toString() {
            return "Draft[enabled=" + enabled + ", apiKey=" + (apiKey.isEmpty() ? "kept" : "***") + ", model=" + model + "]";
        }
    }

    View settings();

    View update(Draft draft);
}
