package com.voicecore.application;

/**
 * The conversation's language after the first utterance. {@code detected} is what the caller seemed to
 * speak (null when unsure); when the tenant does not serve it, {@code served} is false and the
 * conversation continues in the default language.
 */
public record LanguageDecision(String language, String detected, boolean served, String twilioLanguage,
                               String twilioVoice) {
}
