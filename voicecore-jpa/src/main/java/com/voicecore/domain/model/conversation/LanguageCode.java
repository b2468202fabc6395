package com.voicecore.domain.model.conversation;

import java.util.Locale;

/** Receptionist languages are plain ISO 639-1 codes ("en"); regional tags ("en-US") reduce to them. */
public final class LanguageCode {

    private LanguageCode() {
    }

    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A language code is needed");
        }
        String base = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (!base.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("Not a language code: " + code);
        }
        return base;
    }

    /** The language's English name, for messages ("German"). */
    public static String englishName(String code) {
        String name = Locale.forLanguageTag(normalise(code)).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** The language's own name ("Deutsch"), for messages spoken to its speakers. */
    public static String nameIn(String code, String inLanguage) {
        String name = Locale.forLanguageTag(normalise(code)).getDisplayLanguage(Locale.forLanguageTag(normalise(inLanguage)));
        return name.isEmpty() ? englishName(code) : name;
    }
}
