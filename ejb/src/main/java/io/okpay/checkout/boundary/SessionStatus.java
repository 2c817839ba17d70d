package io.okpay.checkout.boundary;

/** OPEN until paid (COMPLETE) or until it expires or the merchant expires it (EXPIRED); both ends are final. */
public enum SessionStatus {
    OPEN, COMPLETE, EXPIRED
}
