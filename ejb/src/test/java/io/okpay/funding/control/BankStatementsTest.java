package io.okpay.funding.control;

import io.okpay.funding.control.StatementLine.Direction;
import io.okpay.funding.entity.TopUpReference;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.crypto.Secrets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankStatementsTest {

    static final Map<String, Integer> EXPONENTS = Map.of("USD", 2, "JPY", 0, "KWD", 3, "EUR", 2);
    static final Function<String, OptionalInt> KNOWN = code -> EXPONENTS.containsKey(code)
            ? OptionalInt.of(EXPONENTS.get(code)) : OptionalInt.empty();
    static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);

    @Test
    @DisplayName("camt.053.001.02: booked entries become lines; pending ones are left out; batches are split")
    void camtVersion02() {
        BankStatement statement = BankStatements.parse(sample("camt053-v02.xml"), KNOWN);
        assertEquals("camt.053", statement.format());
        assertEquals("STMT-20261120-001", statement.statementId());
        List<StatementLine> lines = statement.lines();
        assertEquals(7, lines.size(), lines.toString());

        assertEquals(new StatementLine(1, NOV_20, money(5000, "USD"), Direction.CREDIT, "OKP-7KX9-2M4T", "Li Wei",
                "BK-20261120-0001"), lines.get(0));
        assertEquals(new StatementLine(2, NOV_20, money(10000, "JPY"), Direction.CREDIT, "top up okph3qz8wna", "Sato Hanako",
                "BK-20261120-0002"), lines.get(1));
        assertEquals(new StatementLine(3, NOV_20, money(2000, "USD"), Direction.CREDIT, "Birthday money", "John Smith",
                "BK-20261120-0003"), lines.get(2));
        assertEquals(new StatementLine(4, NOV_20, money(1200, "USD"), Direction.DEBIT, "Account fee November", "",
                "BK-20261120-0004"), lines.get(3));
        assertEquals(lines.get(0).bankEntryId(), lines.get(4).bankEntryId(), "the repeated entry keeps the bank's id");
        assertEquals(new StatementLine(7, NOV_20, money(10000, "USD"), Direction.CREDIT, "Wallet OKP 5TDV 6EJF", "Chen Jing",
                "BK-20261120-0007-1"), lines.get(5));
        assertEquals(new StatementLine(7, NOV_20, money(3000, "USD"), Direction.CREDIT, "OKP-R2MC-9XAX", "Maria Garcia",
                "BK-20261120-0007-2"), lines.get(6));
    }

    @Test
    @DisplayName("the sample lines hold matched-looking, unmatched and look-alike references")
    void referencesInSampleLines() {
        List<StatementLine> lines = BankStatements.parse(sample("camt053-v02.xml"), KNOWN).lines();
        assertEquals(Optional.of("OKP-7KX9-2M4T"), reference(lines.get(0)));
        assertEquals(Optional.of("OKP-H3QZ-8WNA"), reference(lines.get(1)));
        assertEquals(Optional.empty(), reference(lines.get(2)));
        assertEquals(Optional.of("OKP-5TDV-6EJF"), reference(lines.get(5)));
        assertEquals(Optional.empty(), reference(lines.get(6)), "a wrong check character is no reference");
    }

    @Test
    @DisplayName("camt.053.001.08: nested status and party name, three-decimal KWD, NtryRef-less repeat detected by id")
    void camtVersion08() {
        BankStatement statement = BankStatements.parse(sample("camt053-v08.xml"), KNOWN);
        assertEquals("STMT-20261121-KW", statement.statementId());
        List<StatementLine> lines = statement.lines();
        assertEquals(3, lines.size(), lines.toString());
        LocalDate nov21 = LocalDate.of(2026, 11, 21);
        assertEquals(new StatementLine(1, nov21, money(10500, "KWD"), Direction.CREDIT, "OKP-5TDV-6EJF", "Fatima Al-Sabah",
                "KW-20261121-0001"), lines.get(0));
        assertEquals(new StatementLine(2, nov21, money(3250, "KWD"), Direction.CREDIT, "", "Omar Haddad", "KW-2"), lines.get(1));
        assertEquals("KW-20261121-0001", lines.get(2).bankEntryId());
    }

    @Test
    @DisplayName("CSV: signed amounts, quoted fields, empty lines skipped, duplicates kept with the same id")
    void csv() {
        byte[] content = sample("statement.csv");
        BankStatement statement = BankStatements.parse(content, KNOWN);
        assertEquals("csv", statement.format());
        assertEquals("sha256:" + Secrets.sha256(content), statement.statementId());
        List<StatementLine> lines = statement.lines();
        assertEquals(6, lines.size(), lines.toString());
        assertEquals(new StatementLine(2, NOV_20, money(5000, "USD"), Direction.CREDIT, "OKP-7KX9-2M4T", "Li Wei",
                "TX-20261120-0001"), lines.get(0));
        assertEquals(money(10000, "JPY"), lines.get(1).amount());
        assertEquals("Smith, John", lines.get(2).counterparty());
        assertEquals(new StatementLine(6, NOV_20, money(1200, "USD"), Direction.DEBIT, "Account fee November", "",
                "TX-20261120-0004"), lines.get(3));
        assertEquals(lines.get(0).bankEntryId(), lines.get(4).bankEntryId());
        assertEquals("Invoice \"42\" OKP-R2MC-9XAN", lines.get(5).reference());
        assertEquals(money(1050, "USD"), lines.get(5).amount());
        assertEquals(Optional.of("OKP-R2MC-9XAN"), reference(lines.get(5)));
    }

    @Test
    @DisplayName("a byte order mark and Windows line ends are accepted")
    void csvFromSpreadsheet() {
        String csv = "\uFEFFbooking_date,amount,currency,reference,counterparty,bank_transaction_id\r\n"
                + "2026-11-20,1.00,EUR,x,y,T1\r\n";
        assertEquals(money(100, "EUR"), BankStatements.parse(csv.getBytes(StandardCharsets.UTF_8), KNOWN).lines().get(0).amount());
    }

    @Test
    @DisplayName("CSV: a quoted cell may hold commas, quotes and line breaks; later lines keep their own numbers")
    void csvQuotedCells() {
        String csv = String.join("\r\n", String.join(",", CsvStatementParser.HEADER),
                "2026-11-20,5.00,USD,\"OKP-7KX9-2M4T\nsecond line\",\"王芳, 北京\",T1",
                "2026-11-20,-1.00,USD,=SUM(A1),@x,T2",
                "   ",
                " 2026-11-20 , \"3.00\" ,usd, \"say \"\"hi\"\"\" ,\"Smith\" Jr,T3");
        List<StatementLine> lines = BankStatements.parse(bytes(csv), KNOWN).lines();
        assertEquals(new StatementLine(2, NOV_20, money(500, "USD"), Direction.CREDIT, "OKP-7KX9-2M4T\nsecond line",
                "王芳, 北京", "T1"), lines.get(0));
        assertEquals(new StatementLine(4, NOV_20, money(100, "USD"), Direction.DEBIT, "=SUM(A1)", "@x", "T2"), lines.get(1),
                "formula-like text is only text here; the record before took two lines");
        assertEquals(new StatementLine(6, NOV_20, money(300, "USD"), Direction.CREDIT, "say \"hi\"", "Smith Jr", "T3"),
                lines.get(2), "white space around fields and text after a closing quote are tolerated");
    }

    @Test
    @DisplayName("CSV errors after a cell with a line break name the line the wrong record starts on")
    void csvErrorLinesAfterLineBreak() {
        String csv = String.join("\n", String.join(",", CsvStatementParser.HEADER),
                "2026-11-20,5.00,USD,\"two\nlines\",,T1",
                "2026-11-20,5.00,USD,\"never closed,,T2",
                "20.11.2026,5.00,USD,,,T3");
        BusinessException refused = assertThrows(BusinessException.class, () -> BankStatements.parse(bytes(csv), KNOWN));
        assertEquals(List.of("lines[4].line statement_field_count", "lines[5].booking_date statement_date_invalid"),
                describe(refused.fieldErrors()));
    }

    @Test
    @DisplayName("CSV: a header with an unclosed quote is no CSV statement")
    void csvBrokenHeader() {
        assertEquals("statement_unreadable", refusal("\"booking_date,amount,currency,reference,counterparty,bank_transaction_id\n"
                + "2026-11-20,5.00,USD,,,T1"));
    }

    @Test
    @DisplayName("banks that write every amount with two decimals are understood for yen too")
    void paddedDecimals() {
        String csv = String.join("\n", String.join(",", CsvStatementParser.HEADER), "2026-11-20,10000.00,JPY,x,y,T1");
        assertEquals(money(10000, "JPY"), BankStatements.parse(bytes(csv), KNOWN).lines().get(0).amount());
    }

    @Test
    @DisplayName("CSV lines with errors are all reported with their line number, and nothing is returned")
    void csvErrors() {
        String csv = String.join("\n",
                "booking_date,amount,currency,reference,counterparty,bank_transaction_id",
                "2026-11-20,50.00,USD,ok,,T1",
                "20.11.2026,50.00,USD,,,T2",
                "2026-11-20,50.001,USD,,,T3",
                "2026-11-20,50.5,JPY,,,T4",
                "2026-11-20,50,XXX,,,T5",
                "2026-11-20,0.00,USD,,,T6",
                "2026-11-20,50,USD,,,",
                "2026-11-20,50,USD,,",
                "2026-11-20,\"50,USD,,,T9",
                "2026-11-20,1e3,USD,,,T10");
        BusinessException refused = assertThrows(BusinessException.class, () -> BankStatements.parse(bytes(csv), KNOWN));
        assertEquals("statement_invalid", refused.code());
        assertEquals(List.of(
                "lines[3].booking_date statement_date_invalid",
                "lines[4].amount statement_amount_decimals",
                "lines[5].amount statement_amount_decimals",
                "lines[6].currency statement_currency_unknown",
                "lines[7].amount statement_amount_invalid",
                "lines[8].bank_transaction_id statement_entry_id_missing",
                "lines[9].line statement_field_count",
                "lines[10].line statement_field_count",
                "lines[11].amount statement_amount_invalid"), describe(refused.fieldErrors()));
        assertEquals(List.of(0, "JPY"), List.of(refused.fieldErrors().get(2).args()));
    }

    @Test
    @DisplayName("camt.053 entries with errors are reported by entry number")
    void camtErrors() {
        String xml = camt("02", """
                <Ntry><Amt Ccy="USD">1.001</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>A</AcctSvcrRef></Ntry>
                <Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>SIDEWAYS</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>B</AcctSvcrRef></Ntry>
                <Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>2026-11-20</Dt></BookgDt></Ntry>
                <Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AcctSvcrRef>D</AcctSvcrRef></Ntry>
                """);
        BusinessException refused = assertThrows(BusinessException.class, () -> BankStatements.parse(bytes(xml), KNOWN));
        assertEquals(List.of(
                "lines[1].amount statement_amount_decimals",
                "lines[2].direction statement_direction_invalid",
                "lines[3].bank_transaction_id statement_entry_id_missing",
                "lines[4].booking_date statement_date_invalid"), describe(refused.fieldErrors()));
    }

    @Test
    @DisplayName("files in neither format, other camt versions, broken XML and XML entity tricks are refused")
    void unreadableFiles() {
        assertEquals("statement_empty", refusal(" \n "));
        assertEquals("statement_unreadable", refusal("date;amount;currency\n2026-11-20;1,00;EUR"));
        assertEquals("statement_unreadable", refusal("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"/>"));
        assertEquals("statement_unreadable", refusal("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"));
        assertEquals("statement_unreadable", refusal(camt("02", "").replace("<Stmt><Id>S</Id>", "").replace("</Stmt>", "")));
        assertEquals("statement_unreadable", refusal("""
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&secret;</Id>
                </Stmt></BkToCstmrStmt></Document>"""));
        assertEquals("statement_unreadable", refusal(new byte[]{'a', (byte) 0xC3, (byte) 0x28}));
    }

    @Test
    @DisplayName("a statement without entries is a valid, empty statement")
    void emptyStatement() {
        assertTrue(BankStatements.parse(bytes(camt("08", "")), KNOWN).lines().isEmpty());
        assertTrue(BankStatements.parse(bytes(String.join(",", CsvStatementParser.HEADER)), KNOWN).lines().isEmpty());
    }

    private static Money money(long minor, String currency) {
        return new Money(minor, currency, EXPONENTS.get(currency));
    }

    private static Optional<String> reference(StatementLine line) {
        return TopUpReference.findIn(line.reference()).map(TopUpReference::value);
    }

    private static String camt(String version, String entries) {
        return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." + version + "\"><BkToCstmrStmt>"
                + "<Stmt><Id>S</Id>" + entries + "</Stmt></BkToCstmrStmt></Document>";
    }

    private static String refusal(String content) {
        return refusal(bytes(content));
    }

    private static String refusal(byte[] content) {
        return assertThrows(BusinessException.class, () -> BankStatements.parse(content, KNOWN)).code();
    }

    private static List<String> describe(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.code()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample(String name) {
        try (InputStream in = BankStatementsTest.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
