package com.voicecore.application.softphone;

/** The tenant's Twilio Voice SDK settings as an admin may see them: never the secret. */
public record VoiceSdkSettings(String apiKeySid, boolean apiKeySecretStored, String twimlAppSid, boolean twilioAccountConnected) {

    public boolean usable() {
        return twilioAccountConnected && apiKeySid != null && apiKeySecretStored && twimlAppSid != null;
    }
}
