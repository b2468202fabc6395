package com.voicecore.domain.model.realtime;

import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's OpenAI Realtime settings. The API key is only ever held sealed (encrypted for this tenant
 * by the application's cipher); the transport switch itself is {@code receptionist_settings.transport}.
 */
@Entity
@Table(name = "realtime_settings")
public class RealtimeSettings extends TimestampedTenantEntity {

    public static final String DEFAULT_MODEL = "gpt-realtime";
    public static final String DEFAULT_VOICE = "marin";
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 5;
    public static final int MAX_CONCURRENT_CALLS_LIMIT = 1000;

    /** The voices the GA Realtime API offers. */
    public static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "cedar", "coral", "echo", "marin", "sage",
            "shimmer", "verse");

    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,63}");

    @Column(name = "openai_api_key")
    private byte[] sealedApiKey;

    @Column(name = "model", nullable = false, length = 64)
    private String model = DEFAULT_MODEL;

    @Column(name = "voice", nullable = false, length = 32)
    private String voice = DEFAULT_VOICE;

    @Column(name = "max_concurrent_calls", nullable = false)
    private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;

    public RealtimeSettings() {
    }

    public static boolean isModel(String value) {
        return value != null && MODEL.matcher(value).matches();
    }

    /** Model, voice and the number of realtime calls the tenant may have at once (beyond: turn-based). */
    public void configure(String model, String voice, int maxConcurrentCalls) {
        if (!isModel(model)) {
            throw new IllegalArgumentException("A model name is 1 to 64 lowercase letters, digits, dots and dashes");
        }
        if (!VOICES.contains(voice)) {
            throw new IllegalArgumentException("The voice is one of " + new java.util.TreeSet<>(VOICES));
        }
        if (maxConcurrentCalls < 1 || maxConcurrentCalls > MAX_CONCURRENT_CALLS_LIMIT) {
            throw new IllegalArgumentException("1 to " + MAX_CONCURRENT_CALLS_LIMIT + " concurrent realtime calls");
        }
        this.model = model;
        this.voice = voice;
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public void useApiKey(byte[] sealed) {
        if (sealed == null || sealed.length == 0) {
            throw new IllegalArgumentException("A sealed key is required");
        }
        this.sealedApiKey = sealed.clone();
    }

    public void forgetApiKey() {
        this.sealedApiKey = null;
    }

    public boolean hasApiKey() {
        return sealedApiKey != null;
    }

    public Optional<byte[]> sealedApiKey() {
        return Optional.ofNullable(sealedApiKey).map(byte[]::clone);
    }

    public String model() {
        return model;
    }

    public String voice() {
        return voice;
    }

    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }
}
