package com.voicecore.application;

import com.voicecore.domain.model.shared.PhoneNumber;

import java.util.Optional;

/**
 * A change to the Twilio settings. An absent auth token keeps the stored one (admins cannot read it
 * back); an absent account SID disconnects Twilio.
 */
public record TelephonySettingsDraft(Optional<String> accountSid, Optional<String> authToken, Optional<PhoneNumber> fallbackNumber,
                                     int dialTimeoutSeconds, int voicemailMaxSeconds, Optional<Boolean> recordCalls) {

    @Override
    public String toString() {
        return "TelephonySettingsDraft[account=" + accountSid.orElse("none") + ", token=" + (authToken.isPresent() ? "***" : "kept") + "]";
    }
}
