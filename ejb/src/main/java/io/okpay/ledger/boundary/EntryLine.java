package io.okpay.ledger.boundary;

import java.time.Instant;

/**
 * One entry of an account with the transaction it belongs to, as an owner's history shows it: the transaction's public
 * id, code and memo, the signed amount (debit positive) and the account's balance right after it, in its normal
 * direction. {@code id} is the entry's place in the ledger: the cursor of a page that spans several accounts.
 */
public record EntryLine(long id, String transactionId, String code, String memo, long accountId, String currency,
                        long amount, long balanceAfter, Instant createdAt) {
}
