package io.okpay.checkout.entity;

/** PENDING while its posting is being made, SUCCEEDED once the money went back to the payer. */
public enum RefundStatus {
    PENDING, SUCCEEDED
}
