package com.voicecore.application;

/** A freshly signed agent token and what it says. The token is shown once and never stored. */
public record IssuedAgentToken(String token, AgentClaims claims) {

    @Override
    public String toString() {
        return "IssuedAgentToken[claims=" + claims + "]"; // never the token itself
    }
}
