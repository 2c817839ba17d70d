package io.okpay.funding.boundary;

import java.util.Optional;

/**
 * A card number (PAN) as typed, with spaces and hyphens removed. It exists only while a card is being tokenised:
 * OKPay never stores or logs it, so {@link #toString()} shows the brand and the last four digits only.
 */
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Takes what was typed; whether it is a valid number is for {@link io.okpay.funding.control.CardChecks}. */
    public static CardNumber of(String typed) {
        return new CardNumber(typed == null ? "" : typed.replaceAll("[\\s-]", ""));
    }

    /** The full number, only to be sent to the card processor. */
    public String digits() {
        return digits;
    }

    public boolean isEmpty() {
        return digits.isEmpty();
    }

    public boolean isAllDigits() {
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public Optional<CardBrand> brand() {
        return CardBrand.of(digits);
    }

    public String lastFour() {
        return digits.length() < 4 ? "" : digits.substring(digits.length() - 4);
    }

    /** The Luhn (mod 10) check digit test every card scheme uses to catch mistyped numbers. */
    public boolean passesLuhn() {
        if (!isAllDigits()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked: a card number must not reach a log line or an error message by accident. */
    @Override
    public String toString() {
        return brand().map(CardBrand::wireName).orElse("card") + " **** " + lastFour();
    }
}
