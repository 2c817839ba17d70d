package io.okpay.support.boundary;

import java.util.Locale;

/** Who wrote a chat line: the person or the operator. */
public enum ChatAuthor {
    PERSON, OPERATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
