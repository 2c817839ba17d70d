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
 * @param effects     outbox events (a receipt e-mail, a webhook) written in the same transaction as the entries, so
 *                    they exist exactly when the money moved; delivered afterwards by the outbox dispatcher
 */
public record PostingRequest(String scope, String idempotencyKey, String code, String externalRef, String memo,
                             List<Line> lines, Link link, List<Effect> effects) {

    /** One outbox event: its type selects the handler that delivers the JSON payload. */
    public record Effect(String type, String payloadJson) {
    }

    public PostingRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    public static PostingRequest of(String scope, String idempotencyKey, String code, Line... lines) {
        return new PostingRequest(scope, idempotencyKey, code, null, null, List.of(lines), null, List.of());
    }

    /** The same posting, also writing these outbox events when it commits. */
    public PostingRequest withEffects(Effect... more) {
        return new PostingRequest(scope, idempotencyKey, code, externalRef, memo, lines, link, List.of(more));
    }
}
