package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.TelephonyService;
import com.voicecore.application.TelephonySettingsDraft;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.shared.PhoneNumber;
import com.voicecore.interfaces.admin.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;

/**
 * /tenant/twilio.xhtml: the company's Twilio account. The auth token is write-only: the page never
 * receives it back, only whether one is stored; leaving the field empty keeps the stored token.
 */
@Named
@ViewScoped
public class ConnectTwilio extends CompanyPage {

    @Inject
    TelephonyService telephony;

    @Pattern(regexp = "AC[0-9a-f]{32}", message = "A Twilio account SID is AC followed by 32 lowercase hex digits")
    private String accountSid;

    /** Only ever set by the form; cleared after every save, never filled from the database. */
    @Pattern(regexp = "[0-9a-f]{32}", message = "A Twilio auth token is 32 lowercase hex digits")
    private String authToken;

    @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
    private String fallbackNumber;

    @NotNull(message = "How long an agent's phone rings is needed")
    @Min(value = 5, message = "An agent's phone rings 5 to 60 seconds")
    @Max(value = 60, message = "An agent's phone rings 5 to 60 seconds")
    private Integer dialTimeoutSeconds;

    @NotNull(message = "The longest voicemail is needed")
    @Min(value = 10, message = "A voicemail is 10 to 600 seconds long at most")
    @Max(value = 600, message = "A voicemail is 10 to 600 seconds long at most")
    private Integer voicemailMaxSeconds;

    private boolean recordCalls;
    private boolean tokenStored;

    @PostConstruct
    void load() {
        TelephonySettings s = telephony.settings();
        accountSid = s.twilioAccountSid().orElse(null);
        tokenStored = s.isTwilioConnected();
        fallbackNumber = s.fallbackNumber().map(PhoneNumber::e164).orElse(null);
        dialTimeoutSeconds = s.dialTimeoutSeconds();
        voicemailMaxSeconds = s.voicemailMaxSeconds();
        recordCalls = telephony.recordsCalls();
    }

    public void save() {
        Optional<String> token = Optional.ofNullable(blankToNull(authToken));
        authToken = null; // never kept in the view, never rendered back
        TelephonySettingsDraft draft = new TelephonySettingsDraft(Optional.ofNullable(blankToNull(accountSid)), token,
                Optional.ofNullable(blankToNull(fallbackNumber)).map(PhoneNumber::new), dialTimeoutSeconds, voicemailMaxSeconds,
                Optional.of(recordCalls));
        boolean saved = attempt(() -> changes.change(actor(), "twilio.changed", () -> telephony.updateSettings(draft),
                s -> s.twilioAccountSid().orElse("Twilio disconnected"),
                s -> (token.isPresent() ? "auth token replaced" : "auth token kept") + ", ring " + s.dialTimeoutSeconds()
                        + " s, voicemail " + s.voicemailMaxSeconds() + " s, recording " + (recordCalls ? "on" : "off")));
        if (saved) {
            load();
            Messages.info("Twilio settings saved");
        }
    }

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid;
    }

    public String getAuthToken() {
        return null; // write-only
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getFallbackNumber() {
        return fallbackNumber;
    }

    public void setFallbackNumber(String fallbackNumber) {
        this.fallbackNumber = fallbackNumber;
    }

    public Integer getDialTimeoutSeconds() {
        return dialTimeoutSeconds;
    }

    public void setDialTimeoutSeconds(Integer dialTimeoutSeconds) {
        this.dialTimeoutSeconds = dialTimeoutSeconds;
    }

    public Integer getVoicemailMaxSeconds() {
        return voicemailMaxSeconds;
    }

    public void setVoicemailMaxSeconds(Integer voicemailMaxSeconds) {
        this.voicemailMaxSeconds = voicemailMaxSeconds;
    }

    public boolean isRecordCalls() {
        return recordCalls;
    }

    public void setRecordCalls(boolean recordCalls) {
        this.recordCalls = recordCalls;
    }

    public boolean isTokenStored() {
        return tokenStored;
    }
}
