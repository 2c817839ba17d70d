package io.okpay.funding.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.funding.control.BankStatement;
import io.okpay.funding.control.BankStatements;
import io.okpay.funding.control.StatementLine;
import io.okpay.funding.control.StatementLines;
import io.okpay.funding.control.TopUpAnswers;
import io.okpay.funding.control.TopUpCrediting;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.entity.BankStatementLine;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.entity.TopUpReference;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.shared.persistence.DatabaseFailures;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Operators (FINANCE) import OKPay's bank statements (camt.053 or CSV, README "Bank statements"). Each credit line
 * whose reference, currency and amount (amount + fee) match a PENDING, unexpired bank transfer top-up credits that
 * wallet through the bank clearing account; any other credit is booked from the bank clearing account to the
 * suspense account and waits in the operators' queue. Debits are recorded and not booked. A line already imported
 * (the bank's entry id) is skipped, so importing a statement twice credits nothing twice. Operators then assign each
 * line in suspense to a pending top-up or return it to the payer, once (the posting's key is the line).
 */
@Stateless
@RolesAllowed("FINANCE")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankStatementImports {

    static final String SUSPENSE_SCOPE = "bank-statement";
    /** Postings that take a line out of suspense: keyed by the line, so each is resolved once, one way. */
    static final String QUEUE_SCOPE = "bank-suspense";

    @Inject
    Currencies currencies;

    @EJB
    StatementLines lines;

    @EJB
    TopUpRecords records;

    @EJB
    TopUpCrediting crediting;

    @Inject
    TopUpAnswers answers;

    @EJB
    Users users;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    /** What an import did, line by line counted. */
    public record Result(String statementId, String format, int lines, int matched, int suspense, int duplicates,
                         int ignored) {
    }

    public Result importStatement(String operatorId, byte[] content) {
        return importStatement(operatorId, content, null);
    }

    /** What {@link #preview} would say about a file, without booking or recording anything. */
    public record PreviewLine(String bankEntryId, java.time.LocalDate bookingDate, String direction,
                              io.okpay.shared.Money amount, String reference, String counterparty, String outcome)
            implements java.io.Serializable {
    }

    /**
     * The lines of a statement and what an import would do with each (MATCHED, SUSPENSE, IGNORED, DUPLICATE), before
     * anything is booked: the desk's preview.
     */
    public java.util.List<PreviewLine> preview(byte[] content) {
        BankStatement statement = BankStatements.parse(content, code -> currencies.find(code)
                .map(c -> OptionalInt.of(c.exponent())).orElse(OptionalInt.empty()));
        return statement.lines().stream().map(line -> {
            String outcome;
            if (lines.imported(line.bankEntryId())) {
                outcome = "DUPLICATE";
            } else if (line.direction() != StatementLine.Direction.CREDIT
                    || currencies.findEnabled(line.amount().currency()).isEmpty()) {
                outcome = "IGNORED";
            } else {
                outcome = matchingTopUp(line).isPresent() ? "MATCHED" : "SUSPENSE";
            }
            return new PreviewLine(line.bankEntryId(), line.bookingDate(), line.direction().name(), line.amount(),
                    line.reference(), line.counterparty(), outcome);
        }).toList();
    }

    /** An import with the operator's reason, written with it to the audit log. */
    public Result importStatement(String operatorId, byte[] content, String reason) {
        BankStatement statement = BankStatements.parse(content, code -> currencies.find(code)
                .map(c -> OptionalInt.of(c.exponent())).orElse(OptionalInt.empty()));
        int matched = 0;
        int suspense = 0;
        int duplicates = 0;
        int ignored = 0;
        for (StatementLine line : statement.lines()) {
            if (lines.imported(line.bankEntryId())) {
                duplicates++;
                continue;
            }
            BankStatementLine.Status status;
            String topUpId = null;
            String transactionId = null;
            boolean bookable = line.direction() == StatementLine.Direction.CREDIT
                    && currencies.findEnabled(line.amount().currency()).isPresent();
            try {
                if (!bookable) {
                    status = BankStatementLine.Status.IGNORED;
                } else {
                    Optional<TopUp> match = matchingTopUp(line);
                    if (match.isPresent()) {
                        TopUp pending = pendingTransfer(match.get().publicId());
                        TopUp credited = crediting.credit(pending, users.require(pending.userId()));
                        status = BankStatementLine.Status.MATCHED;
                        topUpId = credited.publicId();
                        transactionId = credited.transactionId();
                    } else {
                        status = BankStatementLine.Status.SUSPENSE;
                        transactionId = toSuspense(line);
                    }
                }
            } catch (BusinessException e) {
                // Another import of the same line got there first (the top-up is no longer pending, or the suspense
                // posting's key exists with another outcome).
                if ("topup_not_pending".equals(e.code()) || "idempotency_conflict".equals(e.code())) {
                    duplicates++;
                    continue;
                }
                throw e;
            }
            try {
                lines.record(new BankStatementLine(line.bankEntryId(), statement.statementId(), line.bookingDate(),
                        line.direction().name(), line.amount().currency(), line.amount().minor(), line.reference(),
                        line.counterparty(), status, topUpId, transactionId, operatorId, Instant.now()));
            } catch (EJBException | jakarta.persistence.PersistenceException e) {
                if (!DatabaseFailures.isDuplicateKey(e)) {
                    throw e;
                }
                duplicates++;
                continue;
            }
            switch (status) {
                case MATCHED -> matched++;
                case SUSPENSE -> suspense++;
                case IGNORED -> ignored++;
            }
        }
        Result result = new Result(statement.statementId(), statement.format(), statement.lines().size(), matched,
                suspense, duplicates, ignored);
        lines.recordImport(operatorId, result.statementId(), result.format() + ", " + result.lines() + " lines, "
                + matched + " matched, " + suspense + " to suspense, " + duplicates + " duplicates, " + ignored + " ignored"
                + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
        return result;
    }

    /** A statement line in the operators' queue. */
    public record QueuedLine(String bankEntryId, java.time.LocalDate bookingDate, io.okpay.shared.Money amount,
                             String reference, String counterparty, Instant importedAt) implements java.io.Serializable {
    }

    public java.util.List<QueuedLine> queue(int limit) {
        return lines.inSuspense(Math.max(1, Math.min(limit, 100))).stream().map(line -> new QueuedLine(
                line.bankEntryId(), line.bookingDate(), money(line.amount(), line.currency()), line.reference(),
                line.counterparty(), line.importedAt())).toList();
    }

    /** Credits the money of a line in suspense to a pending bank transfer top-up of the same currency and total. */
    public TopUpView assign(String operatorId, String bankEntryId, String topUpId) {
        return assign(operatorId, bankEntryId, topUpId, null);
    }

    /** As {@link #assign(String, String, String)}, with the operator's reason for the audit log. */
    public TopUpView assign(String operatorId, String bankEntryId, String topUpId, String reason) {
        BankStatementLine line = queued(bankEntryId);
        TopUpView credited = answers.view(fromSuspense(topUpId, bankEntryId, line.amount(), line.currency()), false);
        lines.resolve(bankEntryId, BankStatementLine.Status.ASSIGNED, credited.id(), credited.transactionId(), operatorId,
                reason);
        return credited;
    }

    /** Books the line's money back out of suspense for the operator to send back to the payer. */
    public String returnToPayer(String operatorId, String bankEntryId) {
        return returnToPayer(operatorId, bankEntryId, null);
    }

    /** As {@link #returnToPayer(String, String)}, with the operator's reason for the audit log. */
    public String returnToPayer(String operatorId, String bankEntryId, String reason) {
        BankStatementLine line = queued(bankEntryId);
        io.okpay.shared.Money amount = money(line.amount(), line.currency());
        String transactionId = ledger.post(PostingRequest.of(QUEUE_SCOPE, bankEntryId, "bank_return",
                        Line.debit(accounts.house(Purpose.SUSPENSE, line.currency()).id(), amount),
                        Line.credit(accounts.house(Purpose.FUNDING_BANK, line.currency()).id(), amount))
                .withExternalRef(bankEntryId)).id();
        lines.resolve(bankEntryId, BankStatementLine.Status.RETURNED, null, transactionId, operatorId, reason);
        return transactionId;
    }

    /**
     * Credits a PENDING bank transfer top-up with money found in suspense: the posting's key is the statement line, so a
     * line in suspense is resolved at most once.
     */
    private TopUp fromSuspense(String topUpId, String bankEntryId, long amount, String currency) {
        TopUp topUp = pendingTransfer(topUpId);
        if (!topUp.currency().equals(currency) || topUp.amount() + topUp.fee() != amount) {
            throw new BusinessException("statement_line_mismatch");
        }
        return crediting.credit(topUp, users.require(topUp.userId()), Purpose.SUSPENSE, QUEUE_SCOPE, bankEntryId);
    }

    /** A bank transfer top-up still waiting for its money; 409 topup_not_pending once credited (or failed). */
    private TopUp pendingTransfer(String topUpId) {
        TopUp topUp = records.find(topUpId).orElseThrow(BusinessException::notFound);
        if (topUp.method() != TopUpMethod.BANK_TRANSFER || topUp.status() != TopUpStatus.PENDING) {
            throw new BusinessException("topup_not_pending");
        }
        return topUp;
    }

    private BankStatementLine queued(String bankEntryId) {
        BankStatementLine line = lines.find(bankEntryId).orElseThrow(BusinessException::notFound);
        if (line.status() != BankStatementLine.Status.SUSPENSE) {
            throw new BusinessException("statement_line_resolved");
        }
        return line;
    }

    private io.okpay.shared.Money money(long minor, String currency) {
        return currencies.money(minor, currency);
    }

    private Optional<TopUp> matchingTopUp(StatementLine line) {
        Instant now = Instant.now();
        return TopUpReference.findIn(line.reference()).flatMap(records::byReference)
                .filter(t -> t.method() == TopUpMethod.BANK_TRANSFER && t.status() == TopUpStatus.PENDING)
                .filter(t -> t.currency().equals(line.amount().currency()))
                .filter(t -> t.amount() + t.fee() == line.amount().minor())
                .filter(t -> t.expiresAt() != null && now.isBefore(t.expiresAt()));
    }

    /** Money OKPay cannot place yet: the bank holds it, OKPay owes it to someone, the operators find out whom. */
    private String toSuspense(StatementLine line) {
        return ledger.post(PostingRequest.of(SUSPENSE_SCOPE, line.bankEntryId(), "bank_unmatched",
                        Line.debit(accounts.house(Purpose.FUNDING_BANK, line.amount().currency()).id(), line.amount()),
                        Line.credit(accounts.house(Purpose.SUSPENSE, line.amount().currency()).id(), line.amount()))
                .withExternalRef(line.bankEntryId())).id();
    }
}
