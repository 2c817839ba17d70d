package io.okpay.funding.boundary;

import io.okpay.funding.control.CardChecks;
import io.okpay.shared.BusinessException.FieldError;

import java.time.YearMonth;
import java.util.List;

/**
 * A card as typed by the person; checked by {@link CardChecks}, sent to the processor to be tokenised, and then
 * forgotten. {@link #toString()} never shows the number or the security code.
 */
public record CardInput(String number, Integer expMonth, Integer expYear, String cvc) {

    /** The names of the card's fields in the API body, which its field errors carry. */
    public static final String NUMBER = "card.number";
    public static final String EXP_MONTH = "card.exp_month";
    public static final String EXP_YEAR = "card.exp_year";
    public static final String CVC = "card.cvc";

    /**
     * Every problem with the card as typed, at most one per field, found without asking the processor (a mistyped
     * number, a past expiry date, a short security code); empty when it may be sent.
     *
     * @param today the current month (cards are valid through the last day of their expiry month)
     */
    public List<FieldError> problems(YearMonth today) {
        return CardChecks.check(number, expMonth, expYear, cvc, today);
    }

    @Override
    public String toString() {
        return "CardInput[masked]";
    }
}
