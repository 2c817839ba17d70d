package io.okpay.payout.boundary;

import io.okpay.ledger.boundary.OwnerType;

import java.io.Serializable;

/** Whose money a payout takes: a person ({@code usr_...}) from their wallet, or a merchant ({@code mch_...}). */
public record PayoutOwner(OwnerType type, String id) implements Serializable {

    public PayoutOwner {
        if (type == OwnerType.HOUSE || id == null || id.isBlank()) {
            throw new IllegalArgumentException("payouts belong to a person or a merchant");
        }
    }

    public static PayoutOwner person(String userId) {
        return new PayoutOwner(OwnerType.USER, userId);
    }

    public static PayoutOwner merchant(String merchantId) {
        return new PayoutOwner(OwnerType.MERCHANT, merchantId);
    }
}
