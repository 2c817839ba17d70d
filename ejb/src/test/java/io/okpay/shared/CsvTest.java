package io.okpay.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    @DisplayName("starts with a UTF-8 byte order mark and ends every record with CRLF")
    void bomAndLineEnds() {
        String text = new Csv().row("a", "b").row("c", "d").toString();
        assertEquals("\uFEFFa,b\r\nc,d\r\n", text);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\r', '\n'},
                new Csv().row("a", "b").toBytes());
    }

    @Test
    @DisplayName("a file for a bank's import has no byte order mark")
    void withoutByteOrderMark() {
        assertEquals("a,b\r\n", Csv.withoutByteOrderMark().row("a", "b").toString());
    }

    @Test
    @DisplayName("quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)")
    void quoting() {
        assertEquals("\uFEFF\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"crlf\r\nhere\",plain\r\n",
                new Csv().row("a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere", "plain").toString());
    }

    @Test
    @DisplayName("null and empty cells are empty fields, the first one too; Chinese passes through unchanged")
    void emptyAndChinese() {
        assertEquals("\uFEFF,,午餐 费用\r\n", new Csv().row(Arrays.asList(null, "", "午餐 费用")).toString());
        assertEquals("\uFEFF张伟，北京,\"备注：\"\"午餐\"\"\"\r\n", new Csv().row("张伟，北京", "备注：\"午餐\"").toString(),
                "a full-width comma is text; an ASCII quote still gets doubled");
        assertEquals("\uFEFF\"李, 伟\"\r\n", new Csv().row("李, 伟").toString());
    }

    @Test
    @DisplayName("cells a spreadsheet would run as formulas get a leading apostrophe")
    void formulaInjection() {
        assertEquals("'=cmd()", cell("=cmd()"));
        assertEquals("'+1+1", cell("+1+1"));
        assertEquals("'-2+3", cell("-2+3"));
        assertEquals("'@SUM(A1)", cell("@SUM(A1)"));
        assertEquals("'\tx", cell("\tx"));
        assertEquals("\"'\rx\"", cell("\rx"), "neutralised, then quoted for the line break");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", cell("=HYPERLINK(\"http://x\",\"y\")"),
                "neutralised first, then quoted");
        assertEquals("\"'=1+1\nx\"", cell("=1+1\nx"), "a line break later in the cell changes nothing");
        assertEquals("'=公式()", cell("=公式()"));
        assertEquals("a=b", cell("a=b"), "only a leading trigger matters");
    }

    @Test
    @DisplayName("plain decimal amounts keep their sign: no spreadsheet runs -12.50")
    void numbersStayNumbers() {
        assertEquals("-12.50", cell("-12.50"));
        assertEquals("-5", cell("-5"));
        assertEquals("100.00", cell("100.00"));
        assertEquals("'-1.5.2", cell("-1.5.2"));
        assertEquals("'-", cell("-"));
    }

    @Test
    @DisplayName("Commons CSV also quotes a cell starting with a space, '!' or '#' or ending in a space, to be safe")
    void conservativeQuotes() {
        assertEquals("\"#1001\"", cell("#1001"));
        assertEquals("\"!\"", cell("!"));
        assertEquals("\" lead\"", cell(" lead"));
        assertEquals("\"trail \"", cell("trail "));
        assertEquals("$5", cell("$5"), "'$' comes after '#': no quotes");
    }

    @Test
    @DisplayName("what it writes, a CSV reader reads back cell for cell (the defused formula with its apostrophe)")
    void readsBack() throws IOException {
        List<String> cells = List.of("2026-11-05T18:30:12+08:00", "a,b", "say \"hi\"", "two\r\nlines", " #1 ", "午餐",
                "-12.50", "=cmd()");
        String text = new Csv().row(cells).row("x", "y").toString().substring(1);
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(2, records.size());
            assertEquals(List.of("2026-11-05T18:30:12+08:00", "a,b", "say \"hi\"", "two\r\nlines", " #1 ", "午餐",
                    "-12.50", "'=cmd()"), records.get(0).toList());
        }
    }

    /** One cell as it appears in the file. */
    private static String cell(String value) {
        String text = Csv.withoutByteOrderMark().row(value).toString();
        return text.substring(0, text.length() - 2);
    }
}
