package io.okpay.funding.entity;

import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardNumber;
import java.util.Objects;

/**
 * What a person types to pay by card, after {@link io.okpay.funding.control.CardChecks} accepted it. Handed to the
 * card gateway to be tokenised and then forgotten: never stored, and masked in {@link #toString()} (no CVC at all).
 */
public record CardDetails(CardNumber number, CardBrand brand, int expMonth, int expYear, String cvc) {

    public CardDetails {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(cvc, "cvc");
    }

    @Override
    public String toString() {
        return "CardDetails[" + number + ", expires " + String.format("%02d/%d", expMonth, expYear) + "]";
    }
}
