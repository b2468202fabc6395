package com.voicecore.application;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for downloads (the console's exports, the analytics API), one writer so every download follows the
 * same rules. RFC 4180: comma-separated, CRLF line ends, a field holding a comma, quote or line break in
 * quotes with quotes doubled. Text is data, never a formula: a text cell starting with {@code = + - @}, tab
 * or carriage return gets a leading apostrophe so spreadsheets do not run it, unless it is a plain number
 * (a phone number like +4930123 is not a formula). Numbers are written as Java prints them.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** A header row and the rows under it; a {@code null} cell is empty. */
    public static String table(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(row)));
        return out.toString();
    }

    public static String line(List<?> cells) {
        return cells.stream().map(CsvExport::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("[+-]?[0-9]+(\\.[0-9]+)?");
    }
}
