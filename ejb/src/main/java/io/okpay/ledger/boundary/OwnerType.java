package io.okpay.ledger.boundary;

/** Who an account belongs to: a person, a merchant, or OKPay itself. */
public enum OwnerType {
    USER, MERCHANT, HOUSE;

    /** The owner id of every house account. */
    public static final String HOUSE_ID = "house";
}
