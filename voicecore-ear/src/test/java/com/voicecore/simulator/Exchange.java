package com.voicecore.simulator;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request the simulator made as Twilio, and the answer: for assertions on what the server was sent and
 * what it said. {@code url} is exactly the URL requested (a GET's parameters in its query string); {@code
 * parameters} are the call parameters either way. {@code status} is -1 when no answer came ({@code error} says why).
 */
public record Exchange(Kind kind, String method, URI url, Map<String, String> parameters, Map<String, String> headers,
                       int status, String body, String error) {

    public enum Kind { TWIML, STATUS_CALLBACK, RECORDING_STATUS_CALLBACK, TRANSCRIPTION_CALLBACK }

    public Exchange {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** The X-Twilio-Signature sent, or null when sent unsigned. */
    public String signature() {
        return headers.get(TwilioSignature.HEADER);
    }

    public String idempotencyToken() {
        return headers.get(CallSimulator.IDEMPOTENCY_HEADER);
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return method + " " + url + " " + parameters + " -> " + (status < 0 ? error : status + " " + body);
    }
}
