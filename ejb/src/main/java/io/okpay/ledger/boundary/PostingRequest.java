package io.okpay.ledger.boundary;

import java.util.List;

/**
 * Money to move, as balanced lines. {@code scope} is the caller's namespace for idempotency keys (a feature, or a
 * feature and a customer: "transfer:usr_..."); the same scope and key always mean the same posting.
 *
 * @param code        why the money moves, lower-case words: topup, p2p_transfer, payment, payment_fee ...
 * @param externalRef the caller's own reference (a gateway id, a checkout id), optional
 * @param memo        a short note kept with the transaction, optional
 * @param link        an earlier transaction this one follows, optional
 */
public record PostingRequest(String scope, String idempotencyKey, String code, String externalRef, String memo,
                             List<Line> lines, Link link) {

    public PostingRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static PostingRequest of(String scope, String idempotencyKey, String code, Line... lines) {
        return new PostingRequest(scope, idempotencyKey, code, null, null, List.of(lines), null);
    }
}
