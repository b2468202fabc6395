package com.voicecore.interfaces.rest.realtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Realtime voice settings. {@code openaiApiKey} is write-only: omit it to keep the stored key, send
 * {@code ""} to remove it. Omitted model, voice and limit take their defaults.
 */
public record RealtimeSettingsRequest(
        @NotNull(message = "Say whether realtime voice is enabled") Boolean enabled,
        @Size(max = 300, message = "At most 300 characters") String openaiApiKey,
        @Size(max = 64, message = "At most 64 characters") String model,
        @Size(max = 32, message = "At most 32 characters") String voice,
        @Min(value = 1, message = "At least 1") @Max(value = 1000, message = "At most 1000") Integer maxConcurrentCalls) {

    @Override
    public String toString() {
        return "RealtimeSettingsRequest[enabled=" + enabled + ", openaiApiKey=" + (openaiApiKey == null ? "kept" : "***") + "]";
    }
}
