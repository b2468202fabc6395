package com.voicecore.application.internal;

import com.voicecore.application.PhoneNumberDraft;
import com.voicecore.application.TelephonyService;
import com.voicecore.application.TelephonySettingsDraft;
import com.voicecore.application.exception.DuplicateEntityException;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.domain.model.department.DepartmentRepository;
import com.voicecore.domain.model.phone.TelephonyRepository;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.phone.TenantPhoneNumber;
import com.voicecore.infrastructure.platform.TelephonyDirectory;
import com.voicecore.infrastructure.security.SecretCipher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultTelephonyService implements TelephonyService {

    /** Binds the sealed token to its column: a ciphertext moved elsewhere does not open. */
    static final String TOKEN_PURPOSE = SecretCipher.TWILIO_AUTH_TOKEN;

    @Inject
    TelephonyRepository telephony;

    @Inject
    DepartmentRepository departments;

    @Inject
    TelephonyDirectory directory;

    @Inject
    SecretCipher cipher;

    @Inject
    com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository receptionist;

    @Override
    public Optional<UUID> tenantFor(String calledNumber, String accountSid) {
        if (calledNumber == null || accountSid == null) {
            return Optional.empty();
        }
        return directory.ownerOf(calledNumber, accountSid).map(TelephonyDirectory.NumberOwner::tenantId);
    }

    @Override
    public Optional<WebhookAccount> webhookAccount() {
        return credentials().map(c -> new WebhookAccount(c, directory.isActive(TenantContext.require())));
    }

    @Override
    public Optional<TwilioCredentials> credentials() {
        return telephony.settings()
                .filter(TelephonySettings::isTwilioConnected)
                .map(s -> new TwilioCredentials(s.twilioAccountSid().orElseThrow(),
                        cipher.decrypt(TenantContext.require(), TOKEN_PURPOSE, s.sealedAuthToken().orElseThrow())));
    }

    @Override
    public TelephonySettings settings() {
        return telephony.settings().orElseGet(TelephonySettings::new);
    }

    @Override
    public TelephonySettings updateSettings(TelephonySettingsDraft draft) {
        TelephonySettings settings = telephony.settings().orElseGet(TelephonySettings::new);
        try {
            settings.changeLimits(draft.dialTimeoutSeconds(), draft.voicemailMaxSeconds());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(draft.dialTimeoutSeconds() < 5 || draft.dialTimeoutSeconds() > 60
                    ? "dialTimeoutSeconds" : "voicemailMaxSeconds", e.getMessage());
        }
        draft.fallbackNumber().filter(n -> telephony.numberByE164(n.e164()).isPresent()).ifPresent(n -> {
            throw new InvalidValueException("fallbackNumber", n.e164() + " is one of this tenant's own numbers: calls would loop");
        });
        settings.fallBackTo(draft.fallbackNumber().orElse(null));
        if (draft.accountSid().isEmpty()) {
            if (draft.authToken().isPresent()) {
                throw new InvalidValueException("accountSid", "An auth token needs its account SID");
            }
            settings.disconnectTwilio();
        } else {
            String sid = draft.accountSid().get();
            if (!TelephonySettings.isAccountSid(sid)) {
                throw new InvalidValueException("accountSid", "A Twilio account SID is AC followed by 32 lowercase hex digits");
            }
            if (draft.authToken().isPresent()) {
                String token = draft.authToken().get();
                if (!token.matches("[0-9a-f]{32}")) {
                    throw new InvalidValueException("authToken", "A Twilio auth token is 32 lowercase hex digits");
                }
                settings.connectTwilio(sid, cipher.encrypt(TenantContext.require(), TOKEN_PURPOSE, token));
            } else if (!settings.isTwilioConnected() || !settings.twilioAccountSid().orElseThrow().equals(sid)) {
                throw new InvalidValueException("authToken", "A new account SID needs its auth token");
            }
        }
        draft.recordCalls().ifPresent(record -> receptionist.current().ifPresent(r -> r.recordCalls(record)));
        telephony.store(settings);
        return settings;
    }

    @Override
    public boolean recordsCalls() {
        return receptionist.current().map(com.voicecore.domain.model.receptionist.ReceptionistSettings::recordingEnabled).orElse(false);
    }

    @Override
    public List<TenantPhoneNumber> numbers() {
        return telephony.numbers();
    }

    @Override
    public TenantPhoneNumber number(UUID id) {
        return telephony.number(id).orElseThrow(() -> new UnknownEntityException("phone number", id));
    }

    @Override
    public TenantPhoneNumber addNumber(PhoneNumberDraft draft) {
        checkDepartment(draft.departmentId());
        telephony.numberByE164(draft.number().e164()).ifPresent(n -> {
            throw new DuplicateEntityException("number", draft.number().e164() + " is already connected");
        });
        TenantPhoneNumber number = new TenantPhoneNumber(draft.number(), null, draft.departmentId(), draft.label());
        try {
            telephony.store(number);
        } catch (PersistenceException e) {
            // the number is unique across tenants: another tenant holds it (which one is not said)
            RuntimeException mapped = ConstraintViolations.duplicateOr(e, "phone number");
            if (mapped instanceof DuplicateEntityException) {
                throw new DuplicateEntityException("number", draft.number().e164() + " is already connected to another account");
            }
            throw mapped;
        }
        return number;
    }

    @Override
    public TenantPhoneNumber updateNumber(UUID id, PhoneNumberDraft draft) {
        TenantPhoneNumber number = number(id);
        if (!number.number().equals(draft.number())) {
            throw new InvalidValueException("number", "A phone number cannot be changed; remove it and add the new one");
        }
        checkDepartment(draft.departmentId());
        number.change(draft.departmentId(), draft.label());
        telephony.store(number);
        return number;
    }

    @Override
    public void removeNumber(UUID id) {
        telephony.remove(number(id));
    }

    private void checkDepartment(UUID departmentId) {
        if (departmentId != null && departments.find(departmentId).isEmpty()) {
            throw new InvalidValueException("departmentId", "No department with id " + departmentId);
        }
    }
}
