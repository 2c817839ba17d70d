package io.okpay.checkout.entity;

/** PENDING while its posting is being made (never shown to merchants), SUCCEEDED once the money moved. */
public enum PaymentStatus {
    PENDING, SUCCEEDED
}
