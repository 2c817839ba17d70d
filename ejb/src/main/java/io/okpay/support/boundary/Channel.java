package io.okpay.support.boundary;

import java.util.Locale;

/** How a ticket or a message reached OKPay. */
public enum Channel {
    WEB, API, EMAIL, CHAT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
