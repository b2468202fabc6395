package com.voicecore.interfaces.admin.calls;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The call log's CSV: quoting by RFC 4180, and caller-supplied text never turned into a spreadsheet formula. */
class CsvTest {

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n",
                Csv.line(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42)));
    }

    @Test
    void formulasFromCallersAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("\"'+1,2\"", Csv.cell("+1,2"));
    }

    @Test
    void phoneNumbersAndNumbersStayAsTheyAre() {
        assertEquals(List.of("+4930123456", "-5", "12.5"),
                List.of(Csv.cell("+4930123456"), Csv.cell("-5"), Csv.cell("12.5")));
    }
}
