package com.voicecore.domain.model.spam;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper bound on how large a regular expression becomes once RE2 expands its counted repetitions.
 * RE2/J matches in linear time, but it compiles {@code (a{999}){999}} into a million instructions
 * (and a 500-character rule can nest far worse): a tenant's rule could exhaust the server's memory
 * before any call is matched. Counting is done on the text, before compiling, and errs on the large
 * side: every escape or class counts as at least one atom, and a repetition multiplies what it repeats.
 */
final class RegexSize {

    private static final long SATURATED = 1L << 40;

    private RegexSize() {
    }

    static long estimate(String regex) {
        Deque<long[]> groups = new ArrayDeque<>();   // the enclosing groups' sizes so far
        long[] current = {0};
        long lastAtom = 0;                           // the size of what a following repetition repeats
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (regex.startsWith("\\Q", i)) {
                        // \Q...\E: literal text, whatever brackets or braces it holds
                        int end = regex.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        current[0] = add(current[0], stop - i);
                        lastAtom = stop - i;             // as if a repetition took the whole text
                        i = end < 0 ? n : end + 2;
                        continue;
                    }
                    i = skipEscape(regex, i);
                    lastAtom = 1;
                    current[0] = add(current[0], 1);
                    continue;
                }
                case '[' -> {
                    i = skipClass(regex, i);
                    lastAtom = 1;
                    current[0] = add(current[0], 1);
                    continue;
                }
                case '(' -> {
                    groups.push(current);
                    current = new long[] {0};
                    lastAtom = 0;
                }
                case ')' -> {
                    if (groups.isEmpty()) {             // unbalanced (RE2 refuses it): count it as text
                        lastAtom = 1;
                        current[0] = add(current[0], 1);
                    } else {
                        long group = add(current[0], 1);
                        current = groups.pop();
                        current[0] = add(current[0], group);
                        lastAtom = group;
                    }
                }
                case '{' -> {
                    int close = regex.indexOf('}', i);
                    long count = close < 0 ? -1 : repeatCount(regex.substring(i + 1, close));
                    if (count >= 0) {
                        // x{n,m} is x written out m times (and x{n,} n times and a star): add m more copies
                        current[0] = add(current[0], multiply(lastAtom, count + 1));
                        lastAtom = multiply(lastAtom, count + 2);
                        i = close + 1;
                        continue;
                    }
                    lastAtom = 1;
                    current[0] = add(current[0], 1);
                }
                case '*', '+', '?', '|', '^', '$' -> current[0] = add(current[0], 1);
                default -> {
                    lastAtom = 1;
                    current[0] = add(current[0], 1);
                }
            }
            i++;
        }
        long total = current[0];
        while (!groups.isEmpty()) {             // unclosed groups: RE2 refuses them anyway
            total = add(total, groups.pop()[0]);
        }
        return total;
    }

    /** After "\x": one character, or a braced argument (\x{...}, \p{...}), or a one-letter class (\pL). */
    private static int skipEscape(String regex, int i) {
        int next = i + 1;
        if (next >= regex.length()) {
            return next;
        }
        char kind = regex.charAt(next);
        if ((kind == 'p' || kind == 'P' || kind == 'x') && next + 1 < regex.length() && regex.charAt(next + 1) == '{') {
            int close = regex.indexOf('}', next);
            return close < 0 ? regex.length() : close + 1;
        }
        if ((kind == 'p' || kind == 'P') && next + 1 < regex.length()) {
            return next + 2;
        }
        return next + 1;
    }

    /**
     * To the first unescaped ']' that can close the class (a ']' right after '[' or '[^' is a literal).
     * Stopping early is safe (the rest is counted as atoms); the first possible ']' never stops late.
     */
    private static int skipClass(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++;
        }
        while (j < regex.length()) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return regex.length();
    }

    /** "n", "n," or "n,m" (RE2's repetitions); -1 when the braces are literal text. */
    private static long repeatCount(String inside) {
        int comma = inside.indexOf(',');
        String min = comma < 0 ? inside : inside.substring(0, comma);
        String max = comma < 0 ? "" : inside.substring(comma + 1);
        if (!isNumber(min) || (!max.isEmpty() && !isNumber(max))) {
            return -1;
        }
        long low = Long.parseLong(min);
        return max.isEmpty() ? low : Math.max(low, Long.parseLong(max));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 6 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long multiply(long a, long b) {
        return a == 0 || b == 0 ? 0 : (a > SATURATED / b ? SATURATED : Math.min(SATURATED, a * b));
    }
}
