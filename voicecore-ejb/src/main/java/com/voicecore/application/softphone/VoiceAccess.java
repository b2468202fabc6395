package com.voicecore.application.softphone;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a softphone takes its calls. {@link Mode#TWILIO}: a Twilio Voice access token for the agent's
 * client identity (the identity the call path's {@code <Dial><Client>} rings). {@link Mode#SIMULATOR}: no
 * token can be minted (the tenant has no Twilio API key/TwiML app); offers are still accepted over the
 * agent protocol and the server bridges the call to the same client identity, which the local call
 * simulator answers. {@code reason} says why in words an admin can act on.
 */
public record VoiceAccess(Mode mode, String identity, String token, Instant expiresAt, String reason) {

    public enum Mode { TWILIO, SIMULATOR }

    public VoiceAccess {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(identity, "identity");
        if (mode == Mode.TWILIO) {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    public static VoiceAccess simulator(String identity, String reason) {
        return new VoiceAccess(Mode.SIMULATOR, identity, null, null, reason);
    }

    public Optional<String> accessToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "VoiceAccess[" + mode + ", identity=" + identity + ", token=" + (token == null ? "none" : "(hidden)") + "]";
    }
}
