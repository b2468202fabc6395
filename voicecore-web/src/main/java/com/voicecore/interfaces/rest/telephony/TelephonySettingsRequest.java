package com.voicecore.interfaces.rest.telephony;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The tenant's Twilio account. {@code authToken} is write-only: omit it to keep the stored one. An
 * absent {@code accountSid} disconnects Twilio. {@code recordCalls}: record answered calls (announced);
 * absent leaves it as it is.
 */
public record TelephonySettingsRequest(
        @Size(max = 34, message = "A Twilio account SID has 34 characters") String accountSid,
        @Size(max = 64, message = "A Twilio auth token has 32 characters") String authToken,
        @Size(max = 16, message = "At most 16 characters") String fallbackNumber,
        @Min(value = 5, message = "At least 5 seconds") @Max(value = 60, message = "At most 60 seconds") Integer dialTimeoutSeconds,
        @Min(value = 10, message = "At least 10 seconds") @Max(value = 600, message = "At most 600 seconds") Integer voicemailMaxSeconds,
        Boolean recordCalls) {

    @Override
    public String toString() {
        return "TelephonySettingsRequest[accountSid=" + accountSid + ", authToken=" + (authToken == null ? "kept" : "***") + "]";
    }
}
