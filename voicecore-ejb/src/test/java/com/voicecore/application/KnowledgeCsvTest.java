package com.voicecore.application;

import com.voicecore.application.exception.ImportRefusedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base's CSV format: good files become drafts with row numbers; bad files are refused whole, every problem named. */
class KnowledgeCsvTest {

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodFileWithQuotedCommasQuotesAndLineBreaksInAnyColumnOrder() {
        List<KnowledgeCsv.Row> rows = KnowledgeCsv.parse(csv("\uFEFFlanguage,question,answer,priority,category,keywords\r\n"
                + "en,When do you open?,\"Nine to five, Monday to Friday.\",10,Hours,opening hours\r\n"
                + "\r\n"
                + "de,\"Wo seid ihr?\",\"In der \"\"Hauptstraße\"\" 1,\nBerlin\",,,\n"));
        assertEquals(2, rows.size());
        KnowledgeCsv.Row first = rows.get(0);
        assertEquals(2, first.number());
        assertEquals("When do you open?", first.draft().question());
        assertEquals("Nine to five, Monday to Friday.", first.draft().answer());
        assertEquals("en", first.draft().language());
        assertEquals(10, first.draft().priority());
        assertEquals("Hours", first.draft().category());
        assertEquals("opening hours", first.draft().keywords());
        KnowledgeCsv.Row second = rows.get(1);
        assertEquals(4, second.number(), "the blank line 3 is skipped, and rows keep their line numbers");
        assertEquals("In der \"Hauptstraße\" 1,\nBerlin", second.draft().answer());
        assertEquals(0, second.draft().priority(), "an empty priority is 0");
        assertNull(second.draft().category());
        assertNull(second.draft().keywords());
    }

    @Test
    void onlyTheRequiredColumnsAreNeeded() {
        List<KnowledgeCsv.Row> rows = KnowledgeCsv.parse(csv("question,answer,language\nHi?,Hello.,en"));
        assertEquals(1, rows.size());
        assertEquals("Hello.", rows.get(0).draft().answer());
    }

    @Test
    void malformedRowsAreAllNamedAndNothingIsReturned() {
        ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv(
                "question,answer,language,priority\n"
                        + "Fine?,Yes.,en,5\n"
                        + "Too, many, fields,en,5\n"
                        + "Priority?,Words.,en,high\n"
                        + "Short,en\n")));
        assertEquals(List.of(
                "Row 3: 5 fields, but the header has 4 (a comma inside a field needs the field in double quotes)",
                "Row 4: the priority 'high' is not a whole number from 0 to 100",
                "Row 5: 2 fields, but the header has 4 (a comma inside a field needs the field in double quotes)"), e.problems());
        assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
    }

    @Test
    void aBadHeaderIsRefusedNamingEveryProblem() {
        ImportRefusedException e = assertThrows(ImportRefusedException.class,
                () -> KnowledgeCsv.parse(csv("question,reply,question\nA,B,C\n")));
        assertEquals(List.of("Row 1: unknown column 'reply'; the columns are question, answer, language, category, priority, keywords",
                "Row 1: the column 'question' appears twice",
                "Row 1: the column 'answer' is missing",
                "Row 1: the column 'language' is missing"), e.problems());
    }

    @Test
    void brokenQuotingIsRefused() {
        assertTrue(assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv("question,answer,language\n\"Open?,Yes,en\n")))
                .problems().get(0).startsWith("Row 2: a double quote opens a field that never ends"));
        assertTrue(assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv("question,answer,language\nSay \"hi\",Yes,en\n")))
                .problems().get(0).startsWith("Row 2: a double quote inside a field"));
        assertTrue(assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv("question,answer,language\n\"Open\"?,Yes,en\n")))
                .problems().get(0).startsWith("Row 2: text after a closing double quote"));
    }

    @Test
    void oversizedFilesAndTooManyRowsAreRefusedBeforeAnyRowIsRead() {
        byte[] big = new byte[KnowledgeCsv.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        ImportRefusedException tooBig = assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(big));
        assertEquals("The file is too large", tooBig.getMessage());

        StringBuilder many = new StringBuilder("question,answer,language\n");
        for (int i = 0; i <= KnowledgeCsv.MAX_ROWS; i++) {
            many.append("Q").append(i).append(",A,en\n");
        }
        ImportRefusedException tooMany = assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv(many.toString())));
        assertEquals("The file has too many rows", tooMany.getMessage());
        assertTrue(tooMany.problems().get(0).contains("1001"), tooMany.problems().toString());

        StringBuilder exactly = new StringBuilder("question,answer,language\n");
        for (int i = 0; i < KnowledgeCsv.MAX_ROWS; i++) {
            exactly.append("Q").append(i).append(",A,en\n");
        }
        assertEquals(KnowledgeCsv.MAX_ROWS, KnowledgeCsv.parse(csv(exactly.toString())).size());
    }

    @Test
    void emptyHeaderOnlyAndNonUtf8FilesAreRefused() {
        assertEquals("The file is empty", assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(new byte[0])).getMessage());
        assertEquals("The file is empty", assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv("\n\n"))).getMessage());
        assertEquals("The file has no entries",
                assertThrows(ImportRefusedException.class, () -> KnowledgeCsv.parse(csv("question,answer,language\n"))).getMessage());
        assertEquals("The file is not UTF-8 text", assertThrows(ImportRefusedException.class,
                () -> KnowledgeCsv.parse(new byte[] {'q', ',', (byte) 0xff, (byte) 0xfe, '\n'})).getMessage());
    }
}
