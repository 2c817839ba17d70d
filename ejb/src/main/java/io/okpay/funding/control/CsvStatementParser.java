package io.okpay.funding.control;

import io.okpay.shared.Money;
import io.okpay.shared.crypto.Secrets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OKPay's simple CSV statement format (README, "Bank statement CSV") with Apache Commons CSV: UTF-8, RFC 4180
 * (comma-separated, fields with a comma, a quote or a line break in double quotes, a quote inside doubled), this
 * header line first:
 * <pre>
 * booking_date,amount,currency,reference,counterparty,bank_transaction_id
 * 2026-11-20,50.00,USD,OKP-7KX9-2M4Q,Li Wei,TX-20261120-0001
 * 2026-11-20,-12.00,USD,Bank fee November,,TX-20261120-0002
 * </pre>
 * The amount has a decimal point and at most the currency's decimals; a minus sign makes it a debit. Empty lines are
 * skipped; reference and counterparty may be empty, everything else is required. Errors name the line a record starts
 * on; a record whose quote never closes is one wrong line, and reading goes on with the line after it.
 */
public class CsvStatementParser {

    static final List<String> HEADER = List.of("booking_date", "amount", "currency", "reference", "counterparty",
            "bank_transaction_id");

    /**
     * RFC 4180 as banks and spreadsheets write it: white space around a quoted field and text after its closing quote
     * are tolerated, as they always were; empty lines are records of their own here so that line numbers stay right.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrailingData(true)
            .get();

    /** Line ends as the CSV reader counts them. */
    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    private final Function<String, OptionalInt> exponents;

    /** @param exponents the minor-unit exponent of each currency OKPay knows; empty for an unknown code */
    public CsvStatementParser(Function<String, OptionalInt> exponents) {
        this.exponents = exponents;
    }

    public BankStatement parse(byte[] content) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = rows(text);
        if (rows.isEmpty()) {
            throw new io.okpay.shared.BusinessException("statement_empty");
        }
        List<String> header = rows.get(0).fields();
        if (header == null || !header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
            throw StatementErrors.unreadable();
        }
        StatementErrors errors = new StatementErrors(exponents);
        List<StatementLine> lines = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            line(row, errors).ifPresent(lines::add);
        }
        errors.throwIfAny();
        return new BankStatement("csv", "sha256:" + Secrets.sha256(content), lines);
    }

    /** One record and the line it starts on; no fields when its quotes do not close. */
    record Row(int line, List<String> fields) {
    }

    /** The records that are not blank, in order. */
    static List<Row> rows(String text) {
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        Matcher lineEnd = LINE_END.matcher(text);
        while (lineEnd.find()) {
            lineStarts.add(lineEnd.end());
        }
        List<Row> rows = new ArrayList<>();
        int linesRead = 0;
        while (linesRead < lineStarts.size()) {
            int broken = read(text, lineStarts.get(linesRead), linesRead, rows);
            if (broken == 0) {
                break;
            }
            rows.add(new Row(broken, null));
            linesRead = broken;
        }
        return rows;
    }

    /**
     * Adds the records from the given offset (the start of line {@code linesBefore + 1}) on to {@code rows}; returns the
     * line of a record whose quotes do not close, where reading stopped, or 0 when it read to the end.
     */
    private static int read(String text, int offset, int linesBefore, List<Row> rows) {
        try (CSVParser parser = FORMAT.parse(from(text, offset))) {
            Iterator<CSVRecord> records = parser.iterator();
            int line = linesBefore + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (record.size() > 1 || !record.get(0).isBlank()) {
                        rows.add(new Row(line, record.toList()));
                    }
                    line = linesBefore + (int) parser.getCurrentLineNumber() + 1;
                }
                return 0;
            } catch (UncheckedIOException brokenQuotes) {
                return line;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text from {@code offset} on, without copying it. */
    private static Reader from(String text, int offset) throws IOException {
        StringReader reader = new StringReader(text);
        reader.skip(offset);
        return reader;
    }

    private java.util.Optional<StatementLine> line(Row row, StatementErrors errors) {
        int position = row.line();
        List<String> fields = row.fields();
        if (fields == null || fields.size() != HEADER.size()) {
            errors.add(position, "line", "statement_field_count", HEADER.size());
            return java.util.Optional.empty();
        }
        LocalDate date = errors.date(position, fields.get(0).strip());
        String amountText = fields.get(1).strip();
        boolean debit = amountText.startsWith("-");
        String currency = fields.get(2).strip().toUpperCase(Locale.ROOT);
        Money amount = errors.amount(position, debit ? amountText.substring(1) : amountText, currency);
        String entryId = fields.get(5).strip();
        if (entryId.isEmpty()) {
            errors.add(position, "bank_transaction_id", "statement_entry_id_missing");
        }
        if (date == null || amount == null || entryId.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new StatementLine(position, date, amount,
                debit ? StatementLine.Direction.DEBIT : StatementLine.Direction.CREDIT,
                fields.get(3).strip(), fields.get(4).strip(), entryId));
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw StatementErrors.unreadable();
        }
    }
}
