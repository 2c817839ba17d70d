package io.okpay.funding.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Collects what is wrong with the lines of a statement file, so an operator sees every problem at once
 * ({@code lines[<position>].<field>}), and converts amounts and dates the same way for both formats.
 * A file with any wrong line is refused as a whole: half an import is harder to reason about than none.
 */
final class StatementErrors {

    /** Enough to see the pattern of what is wrong; a thousand identical errors help nobody. */
    private static final int MAX_ERRORS = 50;

    private final List<FieldError> errors = new ArrayList<>();
    private final Function<String, OptionalInt> exponents;

    StatementErrors(Function<String, OptionalInt> exponents) {
        this.exponents = exponents;
    }

    void add(int position, String field, String code, Object... args) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError("lines[" + position + "]." + field, code, args));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new BusinessException("statement_invalid", errors);
        }
    }

    static BusinessException unreadable() {
        return new BusinessException("statement_unreadable");
    }

    /**
     * A positive decimal amount written with a point; null (and an error) when it is not one. Unlike amounts people
     * type, trailing zeros beyond the currency's decimals are accepted: some banks write every amount with two.
     */
    Money amount(int position, String decimal, String currency) {
        OptionalInt exponent = currency == null ? OptionalInt.empty() : exponents.apply(currency);
        if (exponent.isEmpty()) {
            add(position, "currency", "statement_currency_unknown", currency == null ? "" : currency);
            return null;
        }
        if (decimal == null || !decimal.matches("\\d{1,15}(\\.\\d+)?")) {
            add(position, "amount", "statement_amount_invalid");
            return null;
        }
        BigDecimal amount = new BigDecimal(decimal);
        if (amount.signum() == 0) {
            add(position, "amount", "statement_amount_invalid");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > exponent.getAsInt()) {
            add(position, "amount", "statement_amount_decimals", exponent.getAsInt(), currency);
            return null;
        }
        return new Money(amount.movePointRight(exponent.getAsInt()).longValueExact(), currency, exponent.getAsInt());
    }

    /** An ISO date ({@code 2026-11-20}), or the date part of an ISO date-time; null (and an error) otherwise. */
    LocalDate date(int position, String text) {
        try {
            if (text != null && text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
        } catch (DateTimeParseException e) {
            // Reported below, like a missing date.
        }
        add(position, "booking_date", "statement_date_invalid");
        return null;
    }
}
