package io.okpay.funding.control;

import io.okpay.shared.BusinessException;

import java.util.OptionalInt;
import java.util.function.Function;

/** Reads a statement file in either supported format, telling them apart by their first character. */
public final class BankStatements {

    private BankStatements() {
    }

    /**
     * @param exponents the minor-unit exponent of each currency OKPay knows; empty for an unknown code
     * @throws BusinessException {@code statement_empty}, {@code statement_unreadable} (neither format) or
     *                           {@code statement_invalid} (with one field error per wrong line)
     */
    public static BankStatement parse(byte[] content, Function<String, OptionalInt> exponents) {
        int first = 0;
        // Skips a UTF-8 byte order mark and leading white space.
        boolean byteOrderMark = content.length >= 3
                && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
        if (byteOrderMark) {
            first = 3;
        }
        while (first < content.length && Character.isWhitespace(content[first])) {
            first++;
        }
        if (first == content.length) {
            throw new BusinessException("statement_empty");
        }
        return content[first] == '<'
                ? new Camt053Parser(exponents).parse(content)
                : new CsvStatementParser(exponents).parse(content);
    }
}
