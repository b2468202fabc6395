package com.voicecore.application.internal;

import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.application.softphone.DepartmentVoicemail;
import com.voicecore.application.softphone.SoftphoneService;
import com.voicecore.application.softphone.VoiceAccess;
import com.voicecore.application.softphone.VoiceSdkSettings;
import com.voicecore.application.softphone.VoiceSdkSettingsDraft;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.call.Call;
import com.voicecore.domain.model.call.CallRepository;
import com.voicecore.domain.model.phone.TelephonyRepository;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.voicemail.Voicemail;
import com.voicecore.domain.model.voicemail.VoicemailRepository;
import com.voicecore.infrastructure.security.SecretCipher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.infrastructure.twilio.TwilioVoiceTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultSoftphoneService implements SoftphoneService {

    /** Binds the sealed API key secret to its column (see SecretCipher: another column's bytes do not open). */
    static final String API_KEY_SECRET_PURPOSE = "twilio-api-key-secret";

    @Inject
    AgentRepository agents;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    CallRepository calls;

    @Inject
    TelephonyRepository telephony;

    @Inject
    SecretCipher cipher;

    @Inject
    TwilioVoiceTokens tokens;

    @Override
    public VoiceAccess voiceAccess(UUID agentId) {
        Agent agent = agent(agentId);
        Optional<TelephonySettings> settings = telephony.settings();
        if (settings.isEmpty() || !settings.get().isTwilioConnected()) {
            return VoiceAccess.simulator(agent.clientIdentity(),
                    "No Twilio account is connected: calls are bridged by the local call simulator");
        }
        TelephonySettings s = settings.get();
        if (!s.isVoiceSdkConnected()) {
            return VoiceAccess.simulator(agent.clientIdentity(),
                    "No Twilio API key and TwiML app are set for the softphone (PUT /api/v1/settings/telephony/softphone): "
                            + "calls are bridged by the local call simulator");
        }
        String secret = cipher.decrypt(TenantContext.require(), API_KEY_SECRET_PURPOSE, s.sealedApiKeySecret().orElseThrow());
        TwilioVoiceTokens.Minted minted = tokens.mint(s.twilioAccountSid().orElseThrow(), s.apiKeySid().orElseThrow(), secret,
                s.twimlAppSid().orElseThrow(), agent.clientIdentity());
        return new VoiceAccess(VoiceAccess.Mode.TWILIO, agent.clientIdentity(), minted.jwt(), minted.expiresAt(), null);
    }

    @Override
    public List<DepartmentVoicemail> departmentVoicemail(UUID agentId, int limit) {
        Agent agent = agent(agentId);
        if (agent.departmentId().isEmpty()) {
            return List.of();
        }
        List<Voicemail> messages = voicemails.forDepartment(agent.departmentId().get(), Math.max(1, Math.min(limit, 200)));
        return messages.stream().map(v -> new DepartmentVoicemail(v.id(), v.callId(), v.departmentId(),
                calls.find(v.callId()).map(Call::fromNumber).orElse(null), v.durationSeconds(), v.transcription().orElse(null),
                v.recordingUrl(), v.createdAt(), v.listenedAt().orElse(null))).toList();
    }

    @Override
    public VoiceSdkSettings voiceSdkSettings() {
        return view(telephony.settings().orElseGet(TelephonySettings::new));
    }

    @Override
    public VoiceSdkSettings updateVoiceSdkSettings(VoiceSdkSettingsDraft draft) {
        TelephonySettings settings = telephony.settings().orElseGet(TelephonySettings::new);
        if (draft.apiKeySid().isEmpty()) {
            if (draft.apiKeySecret().isPresent() || draft.twimlAppSid().isPresent()) {
                throw new InvalidValueException("apiKeySid", "A secret or TwiML app needs its API key SID");
            }
            settings.disconnectVoiceSdk();
        } else {
            String keySid = draft.apiKeySid().get();
            if (!TelephonySettings.isApiKeySid(keySid)) {
                throw new InvalidValueException("apiKeySid", "A Twilio API key SID is SK followed by 32 lowercase hex digits");
            }
            String appSid = draft.twimlAppSid().orElseThrow(() -> new InvalidValueException("twimlAppSid",
                    "The TwiML app SID (AP…) is required with an API key"));
            if (!TelephonySettings.isTwimlAppSid(appSid)) {
                throw new InvalidValueException("twimlAppSid", "A TwiML app SID is AP followed by 32 lowercase hex digits");
            }
            if (!settings.isTwilioConnected()) {
                throw new InvalidValueException("apiKeySid", "Connect the Twilio account first (PUT /api/v1/settings/telephony)");
            }
            if (draft.apiKeySecret().isPresent()) {
                String secret = draft.apiKeySecret().get();
                if (!secret.matches("[A-Za-z0-9]{32}")) {
                    throw new InvalidValueException("apiKeySecret", "A Twilio API key secret is 32 letters and digits");
                }
                settings.connectVoiceSdk(keySid, cipher.encrypt(TenantContext.require(), API_KEY_SECRET_PURPOSE, secret), appSid);
            } else if (!settings.isVoiceSdkConnected() || !settings.apiKeySid().orElseThrow().equals(keySid)) {
                throw new InvalidValueException("apiKeySecret", "A new API key SID needs its secret");
            } else {
                settings.keepVoiceSdkSecret(keySid, appSid);
            }
        }
        telephony.store(settings);
        return view(settings);
    }

    private static VoiceSdkSettings view(TelephonySettings s) {
        return new VoiceSdkSettings(s.apiKeySid().orElse(null), s.sealedApiKeySecret().isPresent(), s.twimlAppSid().orElse(null),
                s.isTwilioConnected());
    }

    private Agent agent(UUID agentId) {
        // a token outliving its agent (deleted since) names nobody: the same answer as an unknown id
        return agents.find(agentId).orElseThrow(() -> new UnknownEntityException("agent", agentId));
    }
}
