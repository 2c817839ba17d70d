package io.okpay.funding.boundary;

/**
 * A card as typed by the person; checked by {@link io.okpay.funding.control.CardChecks}, sent to the processor to be
 * tokenised, and then forgotten. {@link #toString()} never shows the number or the security code.
 */
public record CardInput(String number, Integer expMonth, Integer expYear, String cvc) {

    @Override
    public String toString() {
        return "CardInput[masked]";
    }
}
