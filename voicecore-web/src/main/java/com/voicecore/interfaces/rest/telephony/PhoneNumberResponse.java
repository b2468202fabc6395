package com.voicecore.interfaces.rest.telephony;

import com.voicecore.domain.model.phone.TenantPhoneNumber;

import java.time.Instant;
import java.util.UUID;

public record PhoneNumberResponse(UUID id, String number, UUID departmentId, String label, Instant createdAt) {

    static PhoneNumberResponse of(TenantPhoneNumber n) {
        return new PhoneNumberResponse(n.id(), n.number().e164(), n.departmentId().orElse(null), n.label().orElse(null), n.createdAt());
    }
}
