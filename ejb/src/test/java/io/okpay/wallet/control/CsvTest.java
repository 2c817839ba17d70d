package io.okpay.wallet.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    @DisplayName("starts with a UTF-8 byte order mark and ends every record with CRLF")
    void bomAndLineEnds() {
        String text = new Csv().row("a", "b").row("c", "d").toString();
        assertEquals("\uFEFFa,b\r\nc,d\r\n", text);
    }

    @Test
    @DisplayName("quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)")
    void quoting() {
        assertEquals("\uFEFF\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain\r\n",
                new Csv().row("a,b", "say \"hi\"", "two\nlines", "cr\rhere", "plain").toString());
    }

    @Test
    @DisplayName("null and empty cells are empty fields; Chinese passes through unchanged")
    void emptyAndChinese() {
        assertEquals("\uFEFF,,午餐 费用\r\n", new Csv().row(Arrays.asList(null, "", "午餐 费用")).toString());
    }

    @Test
    @DisplayName("cells a spreadsheet would run as formulas get a leading apostrophe")
    void formulaInjection() {
        assertEquals("'=cmd()", Csv.field("=cmd()"));
        assertEquals("'+1+1", Csv.field("+1+1"));
        assertEquals("'-2+3", Csv.field("-2+3"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.field("=HYPERLINK(\"http://x\",\"y\")"),
                "neutralised first, then quoted");
        assertEquals("a=b", Csv.field("a=b"), "only a leading trigger matters");
    }

    @Test
    @DisplayName("plain decimal amounts keep their sign: no spreadsheet runs -12.50")
    void numbersStayNumbers() {
        assertEquals("-12.50", Csv.field("-12.50"));
        assertEquals("-5", Csv.field("-5"));
        assertEquals("100.00", Csv.field("100.00"));
        assertEquals("'-1.5.2", Csv.field("-1.5.2"));
        assertEquals("'-", Csv.field("-"));
    }
}
