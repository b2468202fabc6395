package com.voicecore.application.internal;

import com.voicecore.domain.model.conversation.Phrase;
import com.voicecore.domain.model.conversation.Phrasebook;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.routing.Instruction;

import java.util.Locale;
import java.util.Map;

/**
 * How VoiceCore speaks to one tenant's callers: the receptionist's language and voice. Twilio wants
 * a regional tag ({@code en-US}); tenants configure plain language codes. {@code phrasebook} is the
 * receptionist's language whose {@link Phrasebook} wording {@link #say(Phrase, Object...)} speaks (English
 * when absent).
 */
record CallVoice(String language, String voice, String phrasebook) {

    CallVoice(String language, String voice) {
        this(language, voice, "en");
    }

    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("en", "en-US"), Map.entry("es", "es-ES"), Map.entry("de", "de-DE"), Map.entry("fr", "fr-FR"),
            Map.entry("it", "it-IT"), Map.entry("pt", "pt-BR"), Map.entry("nl", "nl-NL"), Map.entry("ja", "ja-JP"),
            Map.entry("zh", "zh-CN"), Map.entry("pl", "pl-PL"), Map.entry("sv", "sv-SE"), Map.entry("da", "da-DK"));

    static final CallVoice DEFAULT = new CallVoice("en-US", null);

    static CallVoice of(ReceptionistSettings settings) {
        String code = settings.defaultLanguage();
        String tag = code.contains("-") ? code : REGIONS.getOrDefault(code.toLowerCase(Locale.ROOT), code);
        return new CallVoice(tag, settings.voice());
    }

    /** One of the receptionist's own sentences, in this voice's language. */
    Instruction.Say say(Phrase phrase, Object... arguments) {
        return say(Phrasebook.say(phrase, phrasebook, arguments));
    }

    Instruction.Say say(String text) {
        return new Instruction.Say(text, language, voice);
    }
}
