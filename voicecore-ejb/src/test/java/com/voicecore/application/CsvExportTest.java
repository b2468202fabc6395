package com.voicecore.application;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The downloads' CSV: quoting by RFC 4180, and text from callers or tenants never turned into a spreadsheet formula. */
class CsvExportTest {

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n",
                CsvExport.line(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42)));
    }

    @Test
    void formulasFromCallersAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", CsvExport.cell("@SUM(A1)"));
        assertEquals("'-2+3", CsvExport.cell("-2+3"));
        assertEquals("\"'+1,2\"", CsvExport.cell("+1,2"));
        assertEquals("'-05:00", CsvExport.cell("-05:00"));
        assertEquals("'\tx", CsvExport.cell("\tx"));
    }

    @Test
    void phoneNumbersAndNumbersStayAsTheyAre() {
        assertEquals(List.of("+4930123456", "-5", "12.5", "-1.0E-5", "-3"),
                List.of(CsvExport.cell("+4930123456"), CsvExport.cell("-5"), CsvExport.cell("12.5"), CsvExport.cell(-1.0E-5),
                        CsvExport.cell(-3L)));
    }

    @Test
    void aTableIsItsHeaderThenItsRows() {
        assertEquals("a,b\r\n1,\r\n,x\r\n", CsvExport.table(List.of("a", "b"), List.of(Arrays.asList(1L, null), Arrays.asList(null, "x"))));
        assertEquals("a,b\r\n", CsvExport.table(List.of("a", "b"), List.of()));
    }
}
