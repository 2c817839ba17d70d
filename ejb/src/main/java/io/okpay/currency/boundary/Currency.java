package io.okpay.currency.boundary;

/**
 * An ISO 4217 currency as OKPay knows it, as other features see it. The exponent fixes the minor unit: JPY 0, USD 2,
 * KWD 3. Only {@code enabled} currencies are accepted in new requests; amounts already stored keep theirs.
 */
public record Currency(String code, int exponent, String name, boolean enabled) {
}
