package com.voicecore.testsupport;

import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.ExtensionRange;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.stream.Collectors;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * QuickTheories generators for VoiceCore's domain data. Every generator produces only values the
 * domain accepts (a valid E.164 number, a valid e-mail address in canonical lower case, ...); the
 * tests that need invalid input build it explicitly next to the property that rejects it.
 */
public final class Generators {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = LOWER.toUpperCase(java.util.Locale.ROOT);
    private static final String DIGITS = "0123456789";

    private Generators() {
    }

    /** Strings of length min..max drawn from the given characters. */
    public static Gen<String> textOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** A word starting with a capital letter, e.g. "Kwqe". */
    public static Gen<String> capitalisedWords(int minLength, int maxLength) {
        return textOf(UPPER, 1, 1).zip(textOf(LOWER, minLength - 1, maxLength - 1), String::concat);
    }

    /** Company names as people type them: words, digits, '&', '-', '.', apostrophes; 2 to 80 characters. */
    public static Gen<String> tenantNames() {
        Gen<String> word = capitalisedWords(2, 12);
        Gen<String> suffix = Generate.pick(List.of("", " Ltd", " GmbH", " & Sons", " S.A.", " O'Brien", "-Tech", " 24"));
        return lists().of(word).ofSizeBetween(1, 4).zip(suffix, (ws, s) -> String.join(" ", ws) + s);
    }

    /** Department names: one to three words (e.g. "Sales", "Tier Two Support"); at most 100 characters. */
    public static Gen<String> departmentNames() {
        return lists().of(capitalisedWords(2, 15)).ofSizeBetween(1, 3).map(ws -> String.join(" ", ws));
    }

    /** A person's name: given name and family name. */
    public static Gen<String> personNames() {
        return capitalisedWords(2, 12).zip(capitalisedWords(2, 16), (a, b) -> a + " " + b);
    }

    /** E.164: '+', a non-zero country digit, then 6 to 14 digits (7 to 15 digits in all). */
    public static Gen<String> e164Numbers() {
        return textOf("123456789", 1, 1).zip(textOf(DIGITS, 6, 14), (first, rest) -> "+" + first + rest);
    }

    /** Extension numbers, 10 to 999999, with the ends and the digit-count boundaries well represented. */
    public static Gen<Integer> extensionNumbers() {
        return integers().between(Extension.MIN, Extension.MAX)
                .mix(Generate.pick(List.of(10, 11, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, 999998, 999999)), 20);
    }

    public static Gen<Extension> extensions() {
        return extensionNumbers().map(Extension::new);
    }

    /** Extension blocks: mostly narrow (as departments have them), sometimes wide, sometimes one number. */
    public static Gen<ExtensionRange> extensionRanges() {
        Gen<ExtensionRange> narrow = extensionNumbers().zip(integers().between(0, 200), (first, width) ->
                ExtensionRange.of(first, Math.min(Extension.MAX, first + width)));
        Gen<ExtensionRange> any = extensionNumbers().zip(extensionNumbers(), (a, b) ->
                ExtensionRange.of(Math.min(a, b), Math.max(a, b)));
        return narrow.mix(any, 40);
    }

    /** E-mail addresses in the canonical (lower-case, trimmed) form {@code EmailAddress} keeps. */
    public static Gen<String> emailAddresses() {
        Gen<String> local = textOf(LOWER + DIGITS, 1, 1).zip(textOf(LOWER + DIGITS + "._+-", 0, 20), String::concat);
        Gen<String> label = textOf(LOWER + DIGITS, 1, 12);
        Gen<String> tld = textOf(LOWER, 2, 6);
        return local.zip(lists().of(label).ofSizeBetween(1, 3), tld,
                (l, labels, t) -> l + "@" + String.join(".", labels) + "." + t);
    }
}
