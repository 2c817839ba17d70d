package io.okpay.funding.boundary;

/** A voucher to redeem into the person's wallet: the code as typed (any case, with or without hyphens). */
public record VoucherTopUpCommand(String userId, String idempotencyKey, String code) {

    @Override
    public String toString() {
        // The code is money to whoever holds it: never in a log.
        return "VoucherTopUpCommand[userId=" + userId + ", code=masked]";
    }
}
