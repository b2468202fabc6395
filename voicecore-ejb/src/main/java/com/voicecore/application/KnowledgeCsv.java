package com.voicecore.application;

import com.voicecore.application.exception.ImportRefusedException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base's CSV format (docs/console.md, "Knowledge base CSV"): RFC 4180 (commas, fields
 * in double quotes may hold commas, line breaks and "" for a quote), UTF-8 with or without a byte
 * order mark, a header row naming the columns in any order: {@code question}, {@code answer},
 * {@code language} (required), {@code category}, {@code priority} (0-100, empty = 0), {@code keywords}
 * (optional). Blank lines are skipped. At most {@link #MAX_BYTES} bytes and {@link #MAX_ROWS} rows.
 * Parsing turns the file into drafts with their row numbers, or refuses it with every problem found;
 * the drafts' own rules (lengths, language codes) are checked by the import service.
 */
public final class KnowledgeCsv {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 1000;
    static final int MAX_PROBLEMS = 50;

    static final Set<String> REQUIRED = Set.of("question", "answer", "language");
    static final List<String> COLUMNS = List.of("question", "answer", "language", "category", "priority", "keywords");

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and the entry it describes. */
    public record Row(int number, KnowledgeDraft draft) {
    }

    private KnowledgeCsv() {
    }

    public static List<Row> parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw refused("The file is empty", List.of("Row 1: a header row is needed: " + String.join(",", COLUMNS)));
        }
        if (file.length > MAX_BYTES) {
            throw refused("The file is too large", List.of("A file has at most " + MAX_BYTES / 1024 + " KiB; this one has "
                    + (file.length + 1023) / 1024 + " KiB. Split it into smaller files."));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw refused("The file is not UTF-8 text", List.of("Save the file as CSV UTF-8 and import it again"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw refused("The file is empty", List.of("Row 1: a header row is needed: " + String.join(",", COLUMNS)));
        }
        Map<String, Integer> columns = header(records.get(0));
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int dataRows = records.size() - 1;
        if (dataRows == 0) {
            throw refused("The file has no entries", List.of("Add one row per entry below the header"));
        }
        if (dataRows > MAX_ROWS) {
            throw refused("The file has too many rows", List.of("A file has at most " + MAX_ROWS + " entries; this one has "
                    + dataRows + ". Split it into smaller files."));
        }
        for (Record r : records.subList(1, records.size())) {
            if (r.fields.size() != columns.size()) {
                problems.add("Row " + r.row + ": " + r.fields.size() + " fields, but the header has " + columns.size()
                        + " (a comma inside a field needs the field in double quotes)");
                continue;
            }
            String priorityText = field(r, columns, "priority");
            int priority = 0;
            if (priorityText != null) {
                try {
                    priority = Integer.parseInt(priorityText);
                } catch (NumberFormatException e) {
                    problems.add("Row " + r.row + ": the priority '" + clip(priorityText) + "' is not a whole number from 0 to 100");
                    continue;
                }
            }
            rows.add(new Row(r.row, new KnowledgeDraft(field(r, columns, "question"), field(r, columns, "answer"),
                    field(r, columns, "keywords"), field(r, columns, "category"), field(r, columns, "language"), priority, null)));
        }
        if (!problems.isEmpty()) {
            throw refused(problems.size() + (problems.size() == 1 ? " row is" : " rows are") + " malformed; nothing was imported",
                    problems);
        }
        return rows;
    }

    static ImportRefusedException refused(String summary, List<String> problems) {
        List<String> shown = problems.size() <= MAX_PROBLEMS ? problems : new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        if (problems.size() > MAX_PROBLEMS) {
            shown.add("… and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        return new ImportRefusedException(summary, shown);
    }

    private static Map<String, Integer> header(Record header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.fields.size(); i++) {
            String name = header.fields.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add("Row 1: unknown column '" + clip(header.fields.get(i)) + "'; the columns are " + String.join(", ", COLUMNS));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add("Row 1: the column '" + name + "' appears twice");
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !columns.containsKey(required)) {
                problems.add("Row 1: the column '" + required + "' is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw refused("The header row is not right; nothing was imported", problems);
        }
        return columns;
    }

    /** A field's text, stripped; null when the column is absent or the field empty. */
    private static String field(Record r, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String value = r.fields.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private record Record(int row, List<String> fields) {
    }

    /** RFC 4180 records; a record's row is the line it starts on. Blank lines are skipped. */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw refused("A row is malformed; nothing was imported", List.of("Row " + recordLine
                                + ": a double quote inside a field must be written twice (\"\") and the field put in double quotes"));
                    }
                    quoted = true;
                    wasQuoted = true;
                    any = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    any = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (any || field.length() > 0) {
                        fields.add(field.toString());
                        records.add(new Record(recordLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    wasQuoted = false;
                    any = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (wasQuoted) {
                        throw refused("A row is malformed; nothing was imported", List.of("Row " + recordLine
                                + ": text after a closing double quote (a quoted field ends at the comma)"));
                    }
                    field.append(c);
                    any = true;
                }
            }
            i++;
        }
        if (quoted) {
            throw refused("A row is malformed; nothing was imported", List.of("Row " + recordLine
                    + ": a double quote opens a field that never ends"));
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
