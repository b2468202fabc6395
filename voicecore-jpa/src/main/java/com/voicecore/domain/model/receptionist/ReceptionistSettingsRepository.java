package com.voicecore.domain.model.receptionist;

import java.util.Optional;

/** The current tenant's receptionist settings (one row per tenant). */
public interface ReceptionistSettingsRepository {

    Optional<ReceptionistSettings> current();
}
