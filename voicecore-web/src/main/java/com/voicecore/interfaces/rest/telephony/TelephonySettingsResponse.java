package com.voicecore.interfaces.rest.telephony;

import com.voicecore.domain.model.phone.TelephonySettings;

/** The Twilio settings as an admin may see them: never the token, only whether one is stored. */
public record TelephonySettingsResponse(String accountSid, boolean authTokenStored, String fallbackNumber,
                                        int dialTimeoutSeconds, int voicemailMaxSeconds, boolean recordCalls,
                                        String voiceWebhookUrl, String statusCallbackUrl) {

    static TelephonySettingsResponse of(TelephonySettings s, boolean recordCalls, String publicBase) {
        return new TelephonySettingsResponse(s.twilioAccountSid().orElse(null), s.isTwilioConnected(),
                s.fallbackNumber().map(n -> n.e164()).orElse(null), s.dialTimeoutSeconds(), s.voicemailMaxSeconds(), recordCalls,
                publicBase + "/twilio/voice/incoming", publicBase + "/twilio/voice/status");
    }
}
