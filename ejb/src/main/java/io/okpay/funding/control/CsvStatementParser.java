package io.okpay.funding.control;

import io.okpay.shared.Money;
import io.okpay.shared.crypto.Secrets;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads OKPay's simple CSV statement format (README, "Bank statement CSV"): UTF-8, comma-separated, fields with a
 * comma or a quote in double quotes (a quote inside doubled), this header line first:
 * <pre>
 * booking_date,amount,currency,reference,counterparty,bank_transaction_id
 * 2026-11-20,50.00,USD,OKP-7KX9-2M4Q,Li Wei,TX-20261120-0001
 * 2026-11-20,-12.00,USD,Bank fee November,,TX-20261120-0002
 * </pre>
 * The amount has a decimal point and at most the currency's decimals; a minus sign makes it a debit. Empty lines are
 * skipped; reference and counterparty may be empty, everything else is required.
 */
public class CsvStatementParser {

    static final List<String> HEADER = List.of("booking_date", "amount", "currency", "reference", "counterparty",
            "bank_transaction_id");

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
        String[] physicalLines = text.split("\r?\n", -1);
        int headerAt = 0;
        while (headerAt < physicalLines.length && physicalLines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == physicalLines.length) {
            throw new io.okpay.shared.BusinessException("statement_empty");
        }
        List<String> header = fields(physicalLines[headerAt]);
        if (header == null || !header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
            throw StatementErrors.unreadable();
        }
        StatementErrors errors = new StatementErrors(exponents);
        List<StatementLine> lines = new ArrayList<>();
        for (int i = headerAt + 1; i < physicalLines.length; i++) {
            if (!physicalLines[i].isBlank()) {
                line(i + 1, physicalLines[i], errors).ifPresent(lines::add);
            }
        }
        errors.throwIfAny();
        return new BankStatement("csv", "sha256:" + Secrets.sha256(content), lines);
    }

    private java.util.Optional<StatementLine> line(int position, String text, StatementErrors errors) {
        List<String> fields = fields(text);
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

    /** The fields of one line, or null when its quotes do not close. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
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
