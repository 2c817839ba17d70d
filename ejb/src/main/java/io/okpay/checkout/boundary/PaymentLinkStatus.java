package io.okpay.checkout.boundary;

/**
 * Whether a payment link takes payments: ACTIVE, or why not (the merchant deactivated it, its expiry passed, or its
 * quantity limit is reached). An ended link stays readable with its payments.
 */
public enum PaymentLinkStatus {
    ACTIVE, INACTIVE, EXPIRED, SOLD_OUT;

    /** The error code a payer gets when this status refuses a payment; null for ACTIVE. */
    public String refusal() {
        return switch (this) {
            case ACTIVE -> null;
            case INACTIVE -> "payment_link_inactive";
            case EXPIRED -> "payment_link_expired";
            case SOLD_OUT -> "payment_link_sold_out";
        };
    }
}
