package io.okpay.ledger.boundary;

import io.okpay.notification.boundary.Mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Money to move, as balanced lines. {@code scope} is the caller's namespace for idempotency keys (a feature, or a
 * feature and a customer: "transfer:usr_..."); the same scope and key always mean the same posting.
 * <p>
 * Built from what every posting has, then the optional parts by name:
 * {@code PostingRequest.of(scope, key, "payment", lines).withExternalRef(sessionId).withEffects(receipt)}.
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

        /** An e-mail from a template (see {@link Mail}), sent once the posting has committed. */
        public static Effect mail(String to, Locale locale, String template, String... args) {
            return new Effect(Mail.EVENT_TYPE, Mail.payload(to, locale, template, args));
        }
    }

    public PostingRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    /** A posting of these lines, without reference, memo, link or effects until the {@code with...} methods add them. */
    public static PostingRequest of(String scope, String idempotencyKey, String code, Line... lines) {
        return of(scope, idempotencyKey, code, List.of(lines));
    }

    public static PostingRequest of(String scope, String idempotencyKey, String code, List<Line> lines) {
        return new PostingRequest(scope, idempotencyKey, code, null, null, lines, null, List.of());
    }

    public PostingRequest withExternalRef(String externalRef) {
        return new PostingRequest(scope, idempotencyKey, code, externalRef, memo, lines, link, effects);
    }

    public PostingRequest withMemo(String memo) {
        return new PostingRequest(scope, idempotencyKey, code, externalRef, memo, lines, link, effects);
    }

    public PostingRequest withLink(Link link) {
        return new PostingRequest(scope, idempotencyKey, code, externalRef, memo, lines, link, effects);
    }

    /** The same posting, also writing these outbox events when it commits. */
    public PostingRequest withEffects(Effect... more) {
        return withEffects(List.of(more));
    }

    public PostingRequest withEffects(List<Effect> more) {
        List<Effect> all = new ArrayList<>(effects);
        all.addAll(more);
        return new PostingRequest(scope, idempotencyKey, code, externalRef, memo, lines, link, all);
    }
}
