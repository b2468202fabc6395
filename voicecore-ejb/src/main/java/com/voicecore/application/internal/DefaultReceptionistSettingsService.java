package com.voicecore.application.internal;

import com.voicecore.application.ReceptionistSettingsDraft;
import com.voicecore.application.ReceptionistSettingsService;
import com.voicecore.application.exception.InvalidValueException;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.conversation.LanguageCode;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.receptionist.ReceptionistSettingsRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.TreeSet;

@Stateless
public class DefaultReceptionistSettingsService implements ReceptionistSettingsService {

    @Inject
    ReceptionistSettingsRepository settings;

    @Override
    public ReceptionistSettings settings() {
        return settings.current().orElseThrow(() -> new UnknownEntityException("receptionist settings", "of this tenant"));
    }

    @Override
    public ReceptionistSettings update(ReceptionistSettingsDraft draft) {
        ReceptionistSettings current = settings();
        List<String> languages = draft.languages().stream().map(LanguageCode::normalise).toList();
        for (String code : languages) {
            if (!Phrasebook.speaks(code)) {
                throw new InvalidValueException("languages", "The receptionist cannot speak '" + code + "'; it speaks "
                        + String.join(", ", new TreeSet<>(Phrasebook.languages())));
            }
        }
        try {
            current.serveLanguages(languages, draft.defaultLanguage());
            current.present(draft.companyName(), draft.greeting());
            current.speakWith(draft.voice());
            if ((draft.voice() == null || draft.voice().isBlank())
                    && !Phrasebook.voiceSpeaks(current.voice(), current.defaultLanguage())) {
                // the default language changed and no voice was named: the kept voice would not speak it
                current.speakWith(Phrasebook.spoken(current.defaultLanguage()).voice());
            }
            current.converseOver(draft.transport());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage().contains("default") ? "defaultLanguage" : "languages", e.getMessage());
        }
        // a voice of another language would read the default language's sentences with the wrong accent and words
        if (!Phrasebook.voiceSpeaks(current.voice(), current.defaultLanguage())) {
            throw new InvalidValueException("voice", "The voice '" + current.voice() + "' speaks "
                    + LanguageCode.englishName(Phrasebook.languageOfVoice(current.voice()).orElseThrow())
                    + ", not the default language " + LanguageCode.englishName(current.defaultLanguage())
                    + "; choose a voice of that language (for example " + Phrasebook.spoken(current.defaultLanguage()).voice() + ")");
        }
        return current;
    }
}
