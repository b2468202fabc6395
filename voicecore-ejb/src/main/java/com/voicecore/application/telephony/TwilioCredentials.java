package com.voicecore.application.telephony;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's Twilio account: its SID and auth token (decrypted just before use, see SecretCipher).
 * {@link #toString()} shows the SID only, so credentials that end up in a log line or an exception
 * message do not carry the token.
 */
public record TwilioCredentials(String accountSid, String authToken) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    public TwilioCredentials {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("A Twilio account SID is AC followed by 32 hexadecimal digits");
        }
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("A Twilio auth token is not blank");
        }
    }

    @Override
    public String toString() {
        return "TwilioCredentials[accountSid=" + accountSid + ", authToken=(hidden)]";
    }
}
