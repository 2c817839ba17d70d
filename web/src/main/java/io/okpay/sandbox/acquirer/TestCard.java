package io.okpay.sandbox.acquirer;

/**
 * What the sandbox does for a card number. The listed numbers pass the Luhn check; any other valid number is
 * approved, like the first five.
 */
enum TestCard {

    APPROVED,
    DECLINED,
    INSUFFICIENT_FUNDS,
    EXPIRED_CARD,
    CHALLENGE,
    PROCESSING_ERROR,
    SLOW;

    static TestCard of(String digits) {
        return switch (digits) {
            case "4000000000000101" -> DECLINED;
            case "4000000000000200" -> INSUFFICIENT_FUNDS;
            case "4000000000000309" -> EXPIRED_CARD;
            case "4000000000000408" -> CHALLENGE;
            case "4000000000000507" -> PROCESSING_ERROR;
            case "4000000000000606" -> SLOW;
            default -> APPROVED;
        };
    }

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static TestCard fromWireName(String name) {
        for (TestCard card : values()) {
            if (card.wireName().equals(name)) {
                return card;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
