package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.ApiKeyView;
import io.okpay.merchant.boundary.NewApiKey;

/**
 * An API key in the API: {@code id} is the OAuth client_id; {@code secret} (the client_secret) is present only in the
 * answer that created the key. {@code status} is active or revoked.
 */
public record ApiKeyDto(String id, String secret, String secret_hint, String status, String created_at,
                        String last_used_at, String revoked_at) {

    static ApiKeyDto of(ApiKeyView key) {
        return new ApiKeyDto(key.id(), null, key.hint(), key.active() ? "active" : "revoked",
                key.createdAt().toString(), text(key.lastUsedAt()), text(key.revokedAt()));
    }

    static ApiKeyDto of(NewApiKey created) {
        ApiKeyDto shown = of(created.key());
        return new ApiKeyDto(shown.id(), created.secret(), shown.secret_hint(), shown.status(), shown.created_at(),
                shown.last_used_at(), shown.revoked_at());
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    @Override
    public String toString() {
        return "ApiKeyDto[" + id + ", " + secret_hint + "]";
    }
}
