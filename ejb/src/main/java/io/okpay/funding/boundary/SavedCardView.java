package io.okpay.funding.boundary;

/** A saved card as its owner sees it: never the processor's token. {@code brand} is the wire name ("visa"). */
public record SavedCardView(String id, String brand, String lastFour, int expMonth, int expYear) {
}
