package io.okpay.risk.boundary;

/**
 * How far OKPay trusts an account, which sets its limits: T0 e-mail not verified (sign in only), T1 e-mail verified,
 * T2 identity approved by compliance; MERCHANT for a shop's balance.
 */
public enum Tier {
    T0, T1, T2, MERCHANT;

    /** The tier's name in configuration keys: okpay.limits.<tier>.<kind>.<period>. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
