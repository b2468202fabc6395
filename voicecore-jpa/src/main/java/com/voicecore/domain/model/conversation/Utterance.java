package com.voicecore.domain.model.conversation;

import java.text.Normalizer;
import java.util.Locale;

/** Caller text folded for matching: lower case, accents and punctuation gone, single spaces, padded. */
final class Utterance {

    private Utterance() {
    }

    static String fold(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .strip();
        return " " + folded + " ";
    }

    /** Whether the folded text contains the (folded) phrase as whole words. */
    static boolean has(String folded, String phrase) {
        return folded.contains(fold(phrase));
    }

    static int words(String folded) {
        String t = folded.strip();
        return t.isEmpty() ? 0 : t.split(" ").length;
    }
}
