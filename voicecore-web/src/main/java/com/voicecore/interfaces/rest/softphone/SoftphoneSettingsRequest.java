package com.voicecore.interfaces.rest.softphone;

import jakarta.validation.constraints.Size;

/**
 * The tenant's Twilio Voice SDK settings for the softphone. {@code apiKeySecret} is write-only: omit it
 * to keep the stored one. An absent {@code apiKeySid} removes the settings (simulator mode).
 */
public record SoftphoneSettingsRequest(
        @Size(max = 34, message = "A Twilio API key SID has 34 characters") String apiKeySid,
        @Size(max = 64, message = "A Twilio API key secret has 32 characters") String apiKeySecret,
        @Size(max = 34, message = "A TwiML app SID has 34 characters") String twimlAppSid) {

    @Override
    public String toString() {
        return "SoftphoneSettingsRequest[apiKeySid=" + apiKeySid + ", apiKeySecret=" + (apiKeySecret == null ? "kept" : "***")
                + ", twimlAppSid=" + twimlAppSid + "]";
    }
}
