package com.voicecore.application.voice;

import java.util.Objects;

/**
 * A strict, minimal JSON reader for the messages a bridge sees 50 times a second per call and side
 * (Twilio {@code media}/{@code mark}, OpenAI {@code response.output_audio.delta}): it checks that the
 * whole text is one well-formed JSON object (RFC 8259 grammar: strings and their escapes, numbers,
 * literals, arrays, nesting up to {@value #MAX_DEPTH} levels, nothing after it) and remembers where a few
 * named string members are, without building a tree and without allocating. A field is named by a path
 * of one or two keys ({@code "event"}, {@code "media", "payload"}); the last occurrence of a key counts,
 * as with JSON-P. A field that is copied into an outgoing message as it is (audio) must first pass
 * {@link #isBase64}: nothing but base64 may get in.
 * <p>
 * One instance per socket side: it holds the last scanned message's positions and is not thread-safe
 * (each socket delivers one message at a time).
 */
public final class FrameScanner {

    /** Deeper nesting is refused (no real message of either protocol comes close). */
    public static final int MAX_DEPTH = 32;

    private static final Malformed MALFORMED = new Malformed();

    private final String[] first;
    private final String[] second;
    private final int[] start;
    private final int[] end;
    private final String[] decoded;
    private String text;
    private int pos;
    private int length;

    private FrameScanner(String[][] paths) {
        int n = paths.length;
        this.first = new String[n];
        this.second = new String[n];
        for (int i = 0; i < n; i++) {
            if (paths[i].length < 1 || paths[i].length > 2) {
                throw new IllegalArgumentException("A path has one or two keys");
            }
            first[i] = Objects.requireNonNull(paths[i][0]);
            second[i] = paths[i].length == 2 ? Objects.requireNonNull(paths[i][1]) : null;
        }
        this.start = new int[n];
        this.end = new int[n];
        this.decoded = new String[n];
    }

    /** A scanner for these fields (each a path of one or two keys), numbered in this order. */
    public static FrameScanner of(String[]... paths) {
        return new FrameScanner(paths);
    }

    /** Scans one message. False (and no field present) when it is not a single well-formed JSON object. */
    public boolean scan(String json) {
        text = json;
        length = json == null ? 0 : json.length();
        pos = 0;
        for (int i = 0; i < start.length; i++) {
            start[i] = -1;
            decoded[i] = null;
        }
        if (json == null) {
            return false;
        }
        try {
            skipSpace();
            if (pos >= length || text.charAt(pos) != '{') {
                throw MALFORMED;
            }
            object(1, -1);
            skipSpace();
            if (pos != length) {
                throw MALFORMED;
            }
            return true;
        } catch (Malformed | StringIndexOutOfBoundsException e) {
            for (int i = 0; i < start.length; i++) {
                start[i] = -1;
                decoded[i] = null;
            }
            return false;
        }
    }

    /** Whether field {@code i} was present as a string. */
    public boolean has(int i) {
        return start[i] >= 0;
    }

    /** Whether field {@code i} is exactly {@code value} (compared in place). */
    public boolean is(int i, String value) {
        if (start[i] < 0) {
            return false;
        }
        if (decoded[i] != null) {
            return decoded[i].equals(value);
        }
        int n = end[i] - start[i];
        return n == value.length() && text.regionMatches(start[i], value, 0, n);
    }

    /** Field {@code i} as a string (allocates; null when absent). */
    public String string(int i) {
        if (start[i] < 0) {
            return null;
        }
        return decoded[i] != null ? decoded[i] : text.substring(start[i], end[i]);
    }

    /** Where field {@code i}'s characters start in the scanned text (a field with escapes: use {@link #string}). */
    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    /** Whether field {@code i} is raw text of the message (no escapes), usable by position. */
    public boolean isRaw(int i) {
        return start[i] >= 0 && decoded[i] == null;
    }

    public String text() {
        return text;
    }

    // ------------------------------------------------------------------ the grammar

    /** At '{'; {@code parent} is the field index whose first key named this object, or -1. */
    private void object(int depth, int parent) {
        if (depth > MAX_DEPTH) {
            throw MALFORMED;
        }
        pos++; // '{'
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw MALFORMED;
            }
            int keyStart = pos + 1;
            boolean keyEscaped = string();
            int keyEnd = pos - 1;
            skipSpace();
            if (peek() != ':') {
                throw MALFORMED;
            }
            pos++;
            skipSpace();
            value(depth, keyStart, keyEnd, keyEscaped, parent);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw MALFORMED;
            }
            skipSpace();
        }
    }

    private void value(int depth, int keyStart, int keyEnd, boolean keyEscaped, int parent) {
        char c = peek();
        switch (c) {
            case '"' -> {
                int valueStart = pos + 1;
                boolean escaped = string();
                int valueEnd = pos - 1;
                int field = keyEscaped ? -1 : leaf(depth, parent, keyStart, keyEnd);
                if (field >= 0) {
                    start[field] = valueStart;
                    end[field] = valueEnd;
                    decoded[field] = escaped ? unescape(valueStart, valueEnd) : null;
                }
            }
            case '{' -> object(depth + 1, depth == 1 && !keyEscaped ? container(keyStart, keyEnd) : -1);
            case '[' -> array(depth + 1);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void array(int depth) {
        if (depth > MAX_DEPTH) {
            throw MALFORMED;
        }
        pos++; // '['
        skipSpace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth, -1, -1, true, -1); // nothing inside an array is a field
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw MALFORMED;
            }
            skipSpace();
        }
    }

    /** The field a string member at this place names, or -1. */
    private int leaf(int depth, int parent, int keyStart, int keyEnd) {
        for (int i = 0; i < first.length; i++) {
            if (depth == 1 && second[i] == null && keyIs(first[i], keyStart, keyEnd)) {
                return i;
            }
            if (depth == 2 && second[i] != null && parent >= 0 && first[parent].equals(first[i])
                    && keyIs(second[i], keyStart, keyEnd)) {
                return i;
            }
        }
        return -1;
    }

    /** A top-level key whose object holds a wanted field: the index of a field under it, or -1. */
    private int container(int keyStart, int keyEnd) {
        for (int i = 0; i < first.length; i++) {
            if (second[i] != null && keyIs(first[i], keyStart, keyEnd)) {
                return i;
            }
        }
        return -1;
    }

    private boolean keyIs(String key, int keyStart, int keyEnd) {
        int n = keyEnd - keyStart;
        return n == key.length() && text.regionMatches(keyStart, key, 0, n);
    }

    /** At '"'; leaves {@code pos} after the closing quote. True when the string had escapes. */
    private boolean string() {
        pos++;
        boolean escaped = false;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return escaped;
            }
            if (c < 0x20) {
                throw MALFORMED; // control characters must be escaped
            }
            if (c == '\\') {
                escaped = true;
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int k = 0; k < 4; k++) {
                            if (Character.digit(text.charAt(pos++), 16) < 0) {
                                throw MALFORMED;
                            }
                        }
                    }
                    default -> throw MALFORMED;
                }
            }
        }
    }

    private String unescape(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(e); // " \ /
            }
        }
        return out.toString();
    }

    /** Whether field {@code i} is present, without escapes, and only base64 (padded, length a multiple of 4). */
    public boolean isBase64(int i) {
        return isRaw(i) && isBase64(start[i], end[i]);
    }

    private boolean isBase64(int from, int to) {
        int n = to - from;
        if (n % 4 != 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || (c == '=' && i >= to - 2 && (i == to - 1 || text.charAt(to - 1) == '='));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw MALFORMED;
        }
        pos += word.length();
    }

    /** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    private void number() {
        if (peek() == '-') {
            pos++;
        }
        char c = peek();
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw MALFORMED;
        }
        if (pos < length && text.charAt(pos) == '.') {
            pos++;
            requireDigit();
            digits();
        }
        if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            requireDigit();
            digits();
        }
    }

    private void requireDigit() {
        char c = peek();
        if (c < '0' || c > '9') {
            throw MALFORMED;
        }
    }

    private void digits() {
        while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private char peek() {
        if (pos >= length) {
            throw MALFORMED;
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Thrown and caught inside one scan; shared, without a stack trace: malformed input costs nothing to refuse. */
    private static final class Malformed extends RuntimeException {
        Malformed() {
            super("malformed JSON", null, false, false);
        }
    }
}
