package io.okpay.funding.control;

import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardInput;
import io.okpay.funding.boundary.CardNumber;
import io.okpay.funding.entity.CardDetails;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks card input before anything is sent to the processor: a mistyped number, a past expiry date or a short
 * security code is answered at once, next to its field, in the person's language. Field names follow the API body
 * ({@code card.number}, {@code card.exp_month}, {@code card.exp_year}, {@code card.cvc}, named in {@link CardInput}).
 */
public final class CardChecks {

    /** Issuers print expiry dates a few years ahead; anything beyond this is a typing mistake. */
    static final int MAX_YEARS_AHEAD = 20;

    private CardChecks() {
    }

    /**
     * The accepted card, or a 400 {@link BusinessException} listing every field that is wrong.
     *
     * @param today the current month (cards are valid through the last day of their expiry month)
     */
    public static CardDetails accept(String number, Integer expMonth, Integer expYear, String cvc, YearMonth today) {
        List<FieldError> errors = check(number, expMonth, expYear, cvc, today);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        CardNumber card = CardNumber.of(number);
        return new CardDetails(card, card.brand().orElseThrow(), expMonth, fullYear(expYear), cvc.strip());
    }

    /** Every problem with the input, at most one per field; empty when the card may be sent to the processor. */
    public static List<FieldError> check(String number, Integer expMonth, Integer expYear, String cvc, YearMonth today) {
        List<FieldError> errors = new ArrayList<>();
        CardNumber card = CardNumber.of(number);
        Optional<CardBrand> brand = card.brand();
        numberError(card, brand).ifPresent(errors::add);
        expiryErrors(expMonth, expYear, today, errors);
        cvcError(cvc, brand).ifPresent(errors::add);
        return errors;
    }

    private static Optional<FieldError> numberError(CardNumber card, Optional<CardBrand> brand) {
        if (card.isEmpty()) {
            return Optional.of(new FieldError(CardInput.NUMBER, "card_number_required"));
        }
        if (!card.isAllDigits() || card.digits().length() < 12 || card.digits().length() > 19) {
            return Optional.of(new FieldError(CardInput.NUMBER, "card_number_invalid"));
        }
        if (brand.isEmpty()) {
            return Optional.of(new FieldError(CardInput.NUMBER, "card_brand_unsupported"));
        }
        if (!brand.get().issuesLength(card.digits().length()) || !card.passesLuhn()) {
            return Optional.of(new FieldError(CardInput.NUMBER, "card_number_invalid"));
        }
        return Optional.empty();
    }

    private static void expiryErrors(Integer month, Integer year, YearMonth today, List<FieldError> errors) {
        boolean monthValid = month != null && month >= 1 && month <= 12;
        boolean yearValid = year != null && (year >= 0 && year <= 99 || year >= 2000 && year <= 2999);
        if (!monthValid) {
            errors.add(new FieldError(CardInput.EXP_MONTH, "card_expiry_month_invalid"));
        }
        if (!yearValid) {
            errors.add(new FieldError(CardInput.EXP_YEAR, "card_expiry_year_invalid"));
        }
        if (!monthValid || !yearValid) {
            return;
        }
        YearMonth expiry = YearMonth.of(fullYear(year), month);
        if (expiry.isBefore(today)) {
            errors.add(new FieldError(CardInput.EXP_YEAR, "card_expired"));
        } else if (expiry.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError(CardInput.EXP_YEAR, "card_expiry_too_far"));
        }
    }

    private static Optional<FieldError> cvcError(String cvc, Optional<CardBrand> brand) {
        int expected = brand.map(CardBrand::cvcLength).orElse(3);
        String value = cvc == null ? "" : cvc.strip();
        boolean digitsOnly = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean lengthFits = brand.isPresent() ? value.length() == expected : value.length() == 3 || value.length() == 4;
        return digitsOnly && lengthFits ? Optional.empty()
                : Optional.of(new FieldError(CardInput.CVC, "card_cvc_invalid", expected));
    }

    /** Forms often ask for the year as on the card (two digits): 30 means 2030. */
    private static int fullYear(int year) {
        return year < 100 ? 2000 + year : year;
    }
}
