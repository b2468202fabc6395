package com.voicecore.application;

import com.voicecore.application.telephony.TwilioCredentials;
import com.voicecore.domain.model.phone.TelephonySettings;
import com.voicecore.domain.model.phone.TenantPhoneNumber;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's Twilio account and phone numbers, and how webhooks find their tenant. */
public interface TelephonyService {

    /**
     * The tenant a webhook is for, from the number Twilio called and the account it came from; works
     * without a tenant (the narrow platform path). Empty for unknown numbers.
     */
    Optional<UUID> tenantFor(String calledNumber, String accountSid);

    /** What a webhook is checked against: the current tenant's credentials, and whether it takes calls. */
    record WebhookAccount(TwilioCredentials credentials, boolean active) {
    }

    /** In one transaction, since every webhook asks: empty when the tenant has no Twilio account. */
    Optional<WebhookAccount> webhookAccount();

    /** The current tenant's Twilio credentials, the token decrypted; empty when none are stored. */
    Optional<TwilioCredentials> credentials();

    TelephonySettings settings();

    TelephonySettings updateSettings(TelephonySettingsDraft draft);

    /** Whether answered calls are recorded (announced to the caller). */
    boolean recordsCalls();

    List<TenantPhoneNumber> numbers();

    TenantPhoneNumber number(UUID id);

    TenantPhoneNumber addNumber(PhoneNumberDraft draft);

    TenantPhoneNumber updateNumber(UUID id, PhoneNumberDraft draft);

    void removeNumber(UUID id);
}
