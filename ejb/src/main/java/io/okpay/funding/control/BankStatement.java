package io.okpay.funding.control;

import java.util.List;

/**
 * A bank statement as read from a file.
 *
 * @param format      {@code camt.053} or {@code csv}
 * @param statementId the statement's own id (camt.053 {@code Stmt/Id}) or, for CSV, the SHA-256 of the file
 * @param lines       booked entries in file order, duplicates included (de-duplication is by {@code bankEntryId})
 */
public record BankStatement(String format, String statementId, List<StatementLine> lines) {

    public BankStatement {
        lines = List.copyOf(lines);
    }
}
