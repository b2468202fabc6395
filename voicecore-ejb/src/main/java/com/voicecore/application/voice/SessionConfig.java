package com.voicecore.application.voice;

import java.util.Objects;

/** What a session is opened with: the tenant's key, model and voice, and the instructions built for the call. */
public record SessionConfig(String apiKey, String model, String voice, String instructions) {

    public SessionConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(instructions, "instructions");
    }

    @Override
    public String toString() {
        return "SessionConfig[model=" + model + ", voice=" + voice + ", apiKey=***]";
    }
}
