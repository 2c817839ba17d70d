package io.okpay.admin.boundary;

import io.okpay.admin.entity.Adjustment;
import io.okpay.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A money correction as operators see it. {@code status} is proposed, approved, rejected, or expired (proposed and
 * past its deadline); {@code direction} credit puts money on the person's balance, debit takes it off.
 */
public record AdjustmentView(String id, String userId, Money amount, String direction, String reason, String ticket,
                             String makerId, Instant createdAt, Instant expiresAt, String status, String checkerId,
                             String decisionReason, Instant decidedAt, String transactionId) implements Serializable {

    static AdjustmentView of(Adjustment a, Money amount, Instant now) {
        String status = a.lapsedAt(now) ? "expired" : a.status().name().toLowerCase(java.util.Locale.ROOT);
        return new AdjustmentView(a.publicId(), a.userId(), amount, a.direction().name().toLowerCase(java.util.Locale.ROOT),
                a.reason(), a.ticket(), a.makerId(), a.createdAt(), a.expiresAt(), status, a.checkerId(),
                a.decisionReason(), a.decidedAt(), a.transactionId());
    }
}
