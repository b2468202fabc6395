package com.voicecore.application;

import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The tenant's receptionist: greeting, languages served, default language, voice, transport. */
public interface ReceptionistSettingsService {

    ReceptionistSettings settings();

    ReceptionistSettings update(@NotNull @Valid ReceptionistSettingsDraft draft);
}
