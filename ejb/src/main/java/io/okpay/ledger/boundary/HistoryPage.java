package io.okpay.ledger.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A page of an account's history, newest first. {@code nextCursor} (null on the last page) continues after the last
 * line; it is the account's own entry position, so pages stay stable while new entries arrive.
 */
public record HistoryPage(List<HistoryLine> lines, Long nextCursor) {

    /** {@code change} is in the account's normal direction: positive when the balance grew. */
    public record HistoryLine(long position, String transactionId, String code, long change, long balanceAfter,
                              Instant createdAt) {
    }
}
