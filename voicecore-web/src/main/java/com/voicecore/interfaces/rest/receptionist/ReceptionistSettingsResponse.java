package com.voicecore.interfaces.rest.receptionist;

import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;

import java.util.List;
import java.util.TreeSet;

/** The receptionist's settings, with the languages it can speak at all. */
public record ReceptionistSettingsResponse(String companyName, String greeting, List<String> languages, String defaultLanguage,
                                           String voice, String transport, boolean recordingEnabled,
                                           List<String> speakableLanguages) {

    static ReceptionistSettingsResponse of(ReceptionistSettings s) {
        return new ReceptionistSettingsResponse(s.companyName(), s.greeting(), s.languages(), s.defaultLanguage(), s.voice(),
                s.transport(), s.recordingEnabled(), List.copyOf(new TreeSet<>(Phrasebook.languages())));
    }
}
