package io.okpay.support.boundary;

import java.util.Locale;

/** Where a live chat stands: waiting for an operator, with one, or ended (its transcript is a ticket). */
public enum ChatStatus {
    WAITING, ACTIVE, ENDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
