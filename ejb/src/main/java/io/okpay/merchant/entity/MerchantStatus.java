package io.okpay.merchant.entity;

/** Where a merchant profile stands with compliance; only an APPROVED merchant takes live payments. */
public enum MerchantStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED
}
