package com.voicecore.interfaces.twilio;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The parameters of one verified webhook, as the signature filter read them. Twilio's location
 * parameters are dropped here, before anything could store them.
 */
public record WebhookRequest(UUID tenantId, Map<String, String> parameters) {

    static final String PROPERTY = WebhookRequest.class.getName();

    /** FromCity, CallerZip, ToCountry, …: where callers are is none of our business. */
    private static final Set<String> LOCATION_SUFFIXES = Set.of("City", "State", "Zip", "Country");
    private static final Set<String> LOCATION_PREFIXES = Set.of("From", "To", "Caller", "Called");

    public WebhookRequest {
        Map<String, String> kept = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (!isLocation(name)) {
                kept.put(name, value);
            }
        });
        parameters = Collections.unmodifiableMap(kept);
    }

    static boolean isLocation(String name) {
        for (String prefix : LOCATION_PREFIXES) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                if (LOCATION_SUFFIXES.contains(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    public String callSid() {
        return parameters.get("CallSid");
    }

    public int integer(String name, int otherwise) {
        try {
            return get(name).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
