package com.voicecore.interfaces.admin.calls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV lines. Caller-supplied text (numbers, names) is data, never a formula: a cell starting
 * with {@code = + - @} or a tab/return is prefixed with an apostrophe so spreadsheets do not run it.
 */
final class Csv {

    private Csv() {
    }

    static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A phone number like +4930123 or a plain number stays as it is: a number is not a formula. */
    private static boolean isNumber(String text) {
        return text.matches("[+-]?[0-9]+(\\.[0-9]+)?");
    }
}
