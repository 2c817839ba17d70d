package io.okpay.risk.boundary;

import java.util.Locale;

/** Why a code was asked for; each has its words in the bundles ({@code risk.reason.<wire name>}). */
public enum RiskReason {
    /** The amount is above the configured threshold for this kind of movement. */
    AMOUNT_ABOVE_THRESHOLD,
    /** The person never sent money to this recipient (or paid this shop) before. */
    NEW_RECIPIENT,
    /** The money goes to someone without an account yet (escrow). */
    UNKNOWN_RECIPIENT,
    /** Money leaving OKPay for a bank account: always approved by the account owner. */
    PAYOUT,
    /** The first payout to this bank account. */
    FIRST_PAYOUT_TO_IBAN,
    /** The bank account was first used less than 24 hours ago. */
    IBAN_ADDED_RECENTLY,
    /** A currency conversion above the configured threshold. */
    CONVERSION_ABOVE_THRESHOLD,
    /** The request comes from a device (User-Agent) or an IP address the person never completed a sign-in from. */
    NEW_DEVICE_OR_IP,
    /** More outgoing movements within an hour than {@code okpay.risk.velocity.per-hour}. */
    UNUSUAL_VELOCITY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
