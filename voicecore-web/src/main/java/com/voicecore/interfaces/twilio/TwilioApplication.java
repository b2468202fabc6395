package com.voicecore.interfaces.twilio;

import com.voicecore.interfaces.rest.RequestSizeLimitFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * Twilio's side of VoiceCore, apart from the REST API: its own path, and only its own classes, so
 * none of the API's problem+json mappers ever answers Twilio.
 */
@ApplicationPath("/twilio")
public class TwilioApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TwilioVoiceResource.class, TwilioSignatureFilter.class, RequestSizeLimitFilter.class);
    }
}
