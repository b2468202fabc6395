package com.voicecore.application.softphone;

import java.util.Optional;

/**
 * A change to the Voice SDK settings. An absent API key SID removes them (the softphone falls back to the
 * simulator); an absent secret keeps the stored one when the key SID is unchanged.
 */
public record VoiceSdkSettingsDraft(Optional<String> apiKeySid, Optional<String> apiKeySecret, Optional<String> twimlAppSid) {

    @Override
    public String toString() {
        return "VoiceSdkSettingsDraft[apiKey=" + apiKeySid.orElse("none") + ", secret=" + (apiKeySecret.isPresent() ? "***" : "kept")
                + ", app=" + twimlAppSid.orElse("none") + "]";
    }
}
