package io.okpay.wallet.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One ledger transaction as its person sees it: what it was, with whom (a person, or a shop), the shop's order, and a
 * line per wallet of theirs it moved (one for most; two for a conversion, one per currency). {@code reference} is the
 * id of what caused it (a transfer {@code tr_...}, a shop payment {@code pay_...} or refund {@code re_...}, a top-up,
 * a conversion), when there is one.
 */
public record TransactionDetail(String transactionId, String code, Instant createdAt, String note, String counterparty,
                                String order, String reference, List<Activity.Item> lines) {
}
