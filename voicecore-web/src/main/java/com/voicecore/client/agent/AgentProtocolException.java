package com.voicecore.client.agent;

/** The server answered a request with an {@code error} message. */
public class AgentProtocolException extends RuntimeException {

    private final String code;

    public AgentProtocolException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The protocol's error code: bad_message, forbidden, offer_gone, invalid_state, rate_limited, … */
    public String code() {
        return code;
    }
}
