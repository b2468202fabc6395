package com.voicecore.domain.model.spam;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a caller said, reduced to words so that keyword rules match whole words whatever the case,
 * punctuation, spacing or Unicode form ("Extended-WARRANTY!" says "extended warranty"; "warranty"
 * is not said in "warranties"). Scripts written without spaces (Chinese, Japanese, Thai, ...) have no
 * visible word boundary, so there a phrase matches wherever it appears.
 */
final class SpokenText {

    private SpokenText() {
    }

    /**
     * Compatibility-normalised (full-width letters, ligatures, composed accents), case-folded
     * (upper then lower, so "ß" and "SS" agree, and so do "ς" and "Σ"), and every run of characters
     * that are not letters, digits or combining marks turned into one space.
     */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        StringBuilder words = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordPart(cp)) {
                if (gap && words.length() > 0) {
                    words.append(' ');
                }
                words.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return words.toString();
    }

    /** Whether the normalised text says the normalised phrase as whole words. */
    static boolean says(String text, String phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if (boundary(text, at) && boundary(text, end)) {
                return true;
            }
        }
        return false;
    }

    /** A word boundary at index: text edge, a space, or a script that does not separate its words. */
    private static boolean boundary(String text, int index) {
        if (index == 0 || index == text.length()) {
            return true;
        }
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index);
        return before == ' ' || after == ' ' || unspaced(before) || unspaced(after);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean unspaced(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }
}
