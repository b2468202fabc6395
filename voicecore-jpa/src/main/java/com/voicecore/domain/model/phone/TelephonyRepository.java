package com.voicecore.domain.model.phone;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's Twilio settings and phone numbers. */
public interface TelephonyRepository {

    Optional<TelephonySettings> settings();

    void store(TelephonySettings settings);

    List<TenantPhoneNumber> numbers();

    Optional<TenantPhoneNumber> number(UUID id);

    Optional<TenantPhoneNumber> numberByE164(String e164);

    void store(TenantPhoneNumber number);

    void remove(TenantPhoneNumber number);
}
