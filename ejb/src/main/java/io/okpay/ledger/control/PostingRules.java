package io.okpay.ledger.control;

import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.entity.Relation;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a request must look like before the ledger touches the database: checked without locks, so a malformed request
 * costs nothing. Rules that need the accounts (currency, status, funds) are checked by {@link Journal} under the lock.
 */
public final class PostingRules {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PostingRules() {
    }

    /** Checks shape and balance: at least two lines, none zero, each currency summing to zero. */
    public static void check(PostingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkCommon(request.scope(), request.idempotencyKey(), request.code(), request.externalRef(), request.memo(), errors);
        if (request.link() != null && (request.link().transactionId() == null || request.link().relation() == null
                || request.link().relation() == Relation.REVERSES || request.link().relation() == Relation.CLOSES_HOLD)) {
            // Reversals and hold phases have their own operations, which check what they point at.
            errors.add(new FieldError("link", "link_invalid"));
        }
        if (request.lines().size() < 2) {
            errors.add(new FieldError("lines", "lines_too_few"));
        }
        for (int i = 0; i < request.lines().size(); i++) {
            Line line = request.lines().get(i);
            if (line == null || line.amount() == 0) {
                errors.add(new FieldError("lines[" + i + "].amount", "amount_zero"));
            } else if (line.currency() == null || !CURRENCY.matcher(line.currency()).matches()) {
                errors.add(new FieldError("lines[" + i + "].currency", "currency_unsupported"));
            }
        }
        for (int i = 0; i < request.effects().size(); i++) {
            PostingRequest.Effect effect = request.effects().get(i);
            if (effect == null || effect.type() == null || effect.type().isBlank() || effect.type().length() > 64
                    || effect.payloadJson() == null) {
                errors.add(new FieldError("effects[" + i + "]", "effect_invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        Map<String, Long> sums = new TreeMap<>();
        for (Line line : request.lines()) {
            try {
                sums.merge(line.currency(), line.amount(), Math::addExact);
            } catch (ArithmeticException e) {
                throw new BusinessException("posting_overflow");
            }
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new BusinessException("posting_unbalanced", currency);
            }
        });
    }

    public static void check(HoldRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkCommon(request.scope(), request.idempotencyKey(), request.code(), request.externalRef(), request.memo(), errors);
        if (request.amount() == null || !request.amount().isPositive()) {
            errors.add(new FieldError("amount", "amount_not_positive"));
        }
        if (request.expiresAt() == null) {
            errors.add(new FieldError("expiresAt", "deadline_required"));
        }
        if (request.debitAccountId() == request.creditAccountId()) {
            errors.add(new FieldError("creditAccountId", "same_account"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
    }

    /** For the follow-up operations (post or void a hold, reverse): only the idempotency fields and the code. */
    public static void checkFollowUp(String scope, String idempotencyKey, String code) {
        List<FieldError> errors = new ArrayList<>();
        checkCommon(scope, idempotencyKey, code, null, null, errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
    }

    private static void checkCommon(String scope, String key, String code, String externalRef, String memo,
                                    List<FieldError> errors) {
        if (scope == null || scope.isBlank() || scope.length() > 64) {
            errors.add(new FieldError("scope", "idempotency_scope_invalid"));
        }
        if (key == null || key.isEmpty() || key.length() > 255) {
            errors.add(new FieldError("idempotencyKey", "idempotency_key_invalid"));
        }
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "transaction_code_invalid"));
        }
        if (externalRef != null && externalRef.length() > 128) {
            errors.add(new FieldError("externalRef", "too_long", 128));
        }
        if (memo != null && memo.length() > 255) {
            errors.add(new FieldError("memo", "too_long", 255));
        }
    }
}
