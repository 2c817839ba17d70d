package io.okpay.merchant.boundary;

import io.okpay.merchant.entity.ApiKey;

import java.io.Serializable;
import java.time.Instant;

/** A merchant's API key as its owner sees it: never the secret, only its hint. */
public record ApiKeyView(String id, String merchantId, String hint, Instant createdAt, Instant lastUsedAt,
                         Instant revokedAt) implements Serializable {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.publicId(), key.merchantId(), key.secretHint(), key.createdAt(), key.lastUsedAt(),
                key.revokedAt());
    }

    public boolean active() {
        return revokedAt == null;
    }
}
