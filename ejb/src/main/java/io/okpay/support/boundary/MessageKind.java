package io.okpay.support.boundary;

import java.util.Locale;

/** Who wrote a message of a thread: the person, the desk (a reply the person gets), or the desk for itself (a note). */
public enum MessageKind {
    CUSTOMER, AGENT, NOTE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
