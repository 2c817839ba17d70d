package io.okpay.merchant.boundary;

/** A key just created, with its secret: the only time the secret exists outside the caller's hands. */
public record NewApiKey(ApiKeyView key, String secret) {

    @Override
    public String toString() {
        // Keeps the secret out of logs and debug output.
        return "NewApiKey[" + key.id() + ", " + key.hint() + "]";
    }
}
