package io.okpay.identity.entity;

/** What a caller may do. USER and MERCHANT are customers; the others are operators, who must use a second factor. */
public enum Role {
    USER, MERCHANT, SUPPORT, COMPLIANCE, FINANCE, ADMIN;

    public boolean isOperator() {
        return this == SUPPORT || this == COMPLIANCE || this == FINANCE || this == ADMIN;
    }
}
