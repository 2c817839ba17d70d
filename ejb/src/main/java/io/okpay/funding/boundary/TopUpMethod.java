package io.okpay.funding.boundary;

import java.util.Locale;
import java.util.Optional;

/** The ways to top up a wallet, as the API names them ({@code card}, {@code bank_transfer}, {@code voucher}). */
public enum TopUpMethod {
    CARD,
    BANK_TRANSFER,
    VOUCHER;

    /** The name in API bodies: {@code bank_transfer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in configuration keys: {@code okpay.topup.bank-transfer.fee-bps}. */
    public String configName() {
        return wireName().replace('_', '-');
    }

    /** Bundle key of the method's name for people (银行转账, 信用卡, 电子货币). */
    public String messageKey() {
        return "topup.method." + wireName();
    }

    public static Optional<TopUpMethod> fromWireName(String name) {
        for (TopUpMethod method : values()) {
            if (method.wireName().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
