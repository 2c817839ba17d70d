package io.okpay.merchant.boundary;

import io.okpay.merchant.entity.Merchant;

import java.io.Serializable;
import java.time.Instant;

/** A merchant as other features and the pages see it; {@code id} is the public one ({@code mch_...}). */
public record MerchantView(String id, String ownerId, String businessName, String website, String supportEmail,
                           String settlementCurrency, MerchantStatus status, Instant createdAt, Instant decidedAt)
        implements Serializable {

    static MerchantView of(Merchant merchant) {
        return new MerchantView(merchant.publicId(), merchant.ownerId(), merchant.businessName(), merchant.website(),
                merchant.supportEmail(), merchant.settlementCurrency(), merchant.status(), merchant.createdAt(),
                merchant.decidedAt());
    }

    /** Approved by compliance and not suspended since: may take payments. */
    public boolean live() {
        return status == MerchantStatus.APPROVED;
    }
}
