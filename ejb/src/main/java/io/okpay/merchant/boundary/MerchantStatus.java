package io.okpay.merchant.boundary;

/** Where a merchant profile stands with compliance; only an APPROVED merchant takes live payments. */
public enum MerchantStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED
}
