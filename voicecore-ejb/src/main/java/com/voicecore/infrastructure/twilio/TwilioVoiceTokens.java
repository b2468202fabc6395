package com.voicecore.infrastructure.twilio;

import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VoiceGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Mints Twilio Voice access tokens for the agent softphone with twilio-java. Local work only (an HS256
 * JWT signed with the tenant's API key secret): no call to Twilio, hence no fault-tolerance wrapper. The
 * grant allows incoming calls to the identity (the call path's {@code <Dial><Client>}) and outgoing ones
 * through the tenant's TwiML app.
 */
@ApplicationScoped
public class TwilioVoiceTokens {

    /** Twilio accepts at most 24 h; an hour keeps a leaked token short-lived, and the SDK asks for a new one before. */
    public static final String TTL_PROPERTY = "voicecore.softphone.voice-token-ttl-seconds";

    private final int ttlSeconds;
    private final Clock clock;

    @Inject
    public TwilioVoiceTokens(@ConfigProperty(name = TTL_PROPERTY, defaultValue = "3600") int ttlSeconds) {
        this(ttlSeconds, Clock.systemUTC());
    }

    TwilioVoiceTokens(int ttlSeconds, Clock clock) {
        if (ttlSeconds < 60 || ttlSeconds > 86_400) {
            throw new IllegalArgumentException(TTL_PROPERTY + " must be 60 to 86400 seconds");
        }
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected TwilioVoiceTokens() {
        this.ttlSeconds = 3600;
        this.clock = Clock.systemUTC();
    }

    public record Minted(String jwt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Minted[expiresAt=" + expiresAt + "]";
        }
    }

    public Minted mint(String accountSid, String apiKeySid, String apiKeySecret, String twimlAppSid, String identity) {
        VoiceGrant grant = new VoiceGrant().setIncomingAllow(true).setOutgoingApplicationSid(twimlAppSid);
        AccessToken token = new AccessToken.Builder(accountSid, apiKeySid, apiKeySecret.getBytes(StandardCharsets.UTF_8))
                .identity(identity)
                .ttl(ttlSeconds)
                .grant(grant)
                .build();
        // twilio-java stamps iat/exp from the system clock; the answer reports the same expiry
        return new Minted(token.toJwt(), clock.instant().plusSeconds(ttlSeconds));
    }
}
