package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.MerchantView;

import java.util.Locale;

/** A merchant profile in the API; {@code status} is pending, approved, rejected or suspended. */
public record MerchantDto(String id, String business_name, String website, String support_email,
                          String settlement_currency, String status, String created_at, String decided_at) {

    public static MerchantDto of(MerchantView merchant) {
        return new MerchantDto(merchant.id(), merchant.businessName(), merchant.website(), merchant.supportEmail(),
                merchant.settlementCurrency(), merchant.status().name().toLowerCase(Locale.ROOT),
                merchant.createdAt().toString(), merchant.decidedAt() == null ? null : merchant.decidedAt().toString());
    }
}
