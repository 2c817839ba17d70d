package io.okpay.ledger.boundary;

import io.okpay.ledger.entity.Relation;
import io.okpay.ledger.entity.TransactionKind;

import java.time.Instant;
import java.util.List;

/**
 * A journal transaction as written. {@code replayed} is true when the request repeated an idempotency key already used
 * with the same request: nothing was posted again and this is the first result.
 */
public record PostedTransaction(String id, TransactionKind kind, String code, String externalRef, String memo,
                                String relatedId, Relation relation, Instant createdAt, List<PostedEntry> entries,
                                boolean replayed) {

    /** One entry: signed amount (debit positive) and the account's balance right after it, in its normal direction. */
    public record PostedEntry(long accountId, String currency, long amount, long balanceAfter) {
    }

    public PostedTransaction asReplay() {
        return new PostedTransaction(id, kind, code, externalRef, memo, relatedId, relation, createdAt, entries, true);
    }
}
