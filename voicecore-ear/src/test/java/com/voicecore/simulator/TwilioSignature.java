package com.voicecore.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Twilio's request signature: Base64(HMAC-SHA1(auth token, URL + every form parameter sorted by name, name then
 * value, no separators)). The URL is exactly the one requested, query string included; a GET carries its
 * parameters in that query string and signs no form parameters.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    public String sign(String url, Map<String, String> formParameters) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(signedData(url, formParameters).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /** The text that is signed; sorted by name in Java's natural String order, as twilio-java does. */
    static String signedData(String url, Map<String, String> formParameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(formParameters).forEach((name, value) -> data.append(name).append(value));
        return data.toString();
    }
}
