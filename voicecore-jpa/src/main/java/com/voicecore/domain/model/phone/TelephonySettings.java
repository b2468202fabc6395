package com.voicecore.domain.model.phone;

import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.domain.model.shared.TimestampedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's Twilio account and call-handling limits. The auth token is only ever held sealed
 * (encrypted for this tenant by the application's cipher); this class never sees it in clear.
 */
@Entity
@Table(name = "telephony_settings")
@NamedQuery(name = "TelephonySettings.current", query = "select s from TelephonySettings s")
public class TelephonySettings extends TimestampedTenantEntity {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");
    private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-f]{32}");
    private static final Pattern TWIML_APP_SID = Pattern.compile("AP[0-9a-f]{32}");

    public static final int DEFAULT_DIAL_TIMEOUT = 20;
    public static final int DEFAULT_VOICEMAIL_MAX = 120;

    @Column(name = "twilio_account_sid", length = 34)
    private String twilioAccountSid;

    @Column(name = "twilio_auth_token")
    private byte[] sealedAuthToken;

    @Column(name = "fallback_number", length = 16)
    private String fallbackNumber;

    @Column(name = "dial_timeout_seconds", nullable = false)
    private int dialTimeoutSeconds = DEFAULT_DIAL_TIMEOUT;

    @Column(name = "voicemail_max_seconds", nullable = false)
    private int voicemailMaxSeconds = DEFAULT_VOICEMAIL_MAX;

    /** The softphone's Twilio API key and TwiML app (Voice JavaScript SDK access tokens); all or none. */
    @Column(name = "twilio_api_key_sid", length = 34)
    private String apiKeySid;

    @Column(name = "twilio_api_key_secret")
    private byte[] sealedApiKeySecret;

    @Column(name = "twiml_app_sid", length = 34)
    private String twimlAppSid;

    public TelephonySettings() {
    }

    public static boolean isApiKeySid(String value) {
        return value != null && API_KEY_SID.matcher(value).matches();
    }

    public static boolean isTwimlAppSid(String value) {
        return value != null && TWIML_APP_SID.matcher(value).matches();
    }

    /** Lets agents' softphones take calls through the Twilio Voice SDK with this API key and TwiML app. */
    public void connectVoiceSdk(String keySid, byte[] sealedSecret, String appSid) {
        if (!isApiKeySid(keySid)) {
            throw new IllegalArgumentException("A Twilio API key SID is SK followed by 32 lowercase hex digits");
        }
        if (!isTwimlAppSid(appSid)) {
            throw new IllegalArgumentException("A TwiML app SID is AP followed by 32 lowercase hex digits");
        }
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.apiKeySid = keySid;
        this.sealedApiKeySecret = sealedSecret.clone();
        this.twimlAppSid = appSid;
    }

    /** Changes the key SID or app but keeps the stored secret (admins cannot read it back to resend it). */
    public void keepVoiceSdkSecret(String keySid, String appSid) {
        if (sealedApiKeySecret == null) {
            throw new IllegalStateException("No Twilio API key secret is stored yet");
        }
        if (!keySid.equals(apiKeySid)) {
            throw new IllegalArgumentException("A new API key SID needs its secret");
        }
        if (!isTwimlAppSid(appSid)) {
            throw new IllegalArgumentException("A TwiML app SID is AP followed by 32 lowercase hex digits");
        }
        this.twimlAppSid = appSid;
    }

    /** Back to the local call simulator for the softphone. */
    public void disconnectVoiceSdk() {
        this.apiKeySid = null;
        this.sealedApiKeySecret = null;
        this.twimlAppSid = null;
    }

    public boolean isVoiceSdkConnected() {
        return apiKeySid != null && sealedApiKeySecret != null && twimlAppSid != null;
    }

    public Optional<String> apiKeySid() {
        return Optional.ofNullable(apiKeySid);
    }

    public Optional<byte[]> sealedApiKeySecret() {
        return Optional.ofNullable(sealedApiKeySecret).map(byte[]::clone);
    }

    public Optional<String> twimlAppSid() {
        return Optional.ofNullable(twimlAppSid);
    }

    public static boolean isAccountSid(String value) {
        return value != null && ACCOUNT_SID.matcher(value).matches();
    }

    /** Connects (or reconnects) the tenant's Twilio account. */
    public void connectTwilio(String accountSid, byte[] sealedToken) {
        if (!isAccountSid(accountSid)) {
            throw new IllegalArgumentException("A Twilio account SID is AC followed by 32 lowercase hex digits");
        }
        Objects.requireNonNull(sealedToken, "sealedToken");
        this.twilioAccountSid = accountSid;
        this.sealedAuthToken = sealedToken.clone();
    }

    /** Keeps the token, changes nothing else: the API lets an admin omit a token it cannot read back. */
    public void keepTokenFor(String accountSid) {
        if (sealedAuthToken == null) {
            throw new IllegalStateException("No Twilio auth token is stored yet");
        }
        if (!accountSid.equals(twilioAccountSid)) {
            throw new IllegalArgumentException("A new account SID needs its auth token");
        }
    }

    public void disconnectTwilio() {
        this.twilioAccountSid = null;
        this.sealedAuthToken = null;
    }

    public void changeLimits(int dialTimeout, int voicemailMax) {
        if (dialTimeout < 5 || dialTimeout > 60) {
            throw new IllegalArgumentException("An agent rings 5 to 60 seconds");
        }
        if (voicemailMax < 10 || voicemailMax > 600) {
            throw new IllegalArgumentException("A voicemail is 10 to 600 seconds long");
        }
        this.dialTimeoutSeconds = dialTimeout;
        this.voicemailMaxSeconds = voicemailMax;
    }

    public void fallBackTo(PhoneNumber number) {
        this.fallbackNumber = number == null ? null : number.e164();
    }

    public Optional<String> twilioAccountSid() {
        return Optional.ofNullable(twilioAccountSid);
    }

    public Optional<byte[]> sealedAuthToken() {
        return Optional.ofNullable(sealedAuthToken).map(byte[]::clone);
    }

    public boolean isTwilioConnected() {
        return twilioAccountSid != null && sealedAuthToken != null;
    }

    public Optional<PhoneNumber> fallbackNumber() {
        return Optional.ofNullable(fallbackNumber).map(PhoneNumber::new);
    }

    public int dialTimeoutSeconds() {
        return dialTimeoutSeconds;
    }

    public int voicemailMaxSeconds() {
        return voicemailMaxSeconds;
    }

    @Override
    public String toString() {
        return "TelephonySettings[account=" + twilioAccountSid + ", token=" + (sealedAuthToken == null ? "none" : "sealed")
                + ", apiKey=" + apiKeySid + ", app=" + twimlAppSid + "]";
    }
}
