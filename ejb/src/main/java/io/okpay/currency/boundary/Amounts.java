package io.okpay.currency.boundary;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Reads amounts that arrive as decimal strings with a currency code, against the currency registry: the currency must
 * be known and enabled, and fixes how many decimals the amount may have.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Amounts {

    @Inject
    Currencies currencies;

    /**
     * @param amountField   the request's name of the amount, for the field error
     * @param currencyField the request's name of the currency, for the field error
     */
    public Money parse(String amount, String currencyCode, Money.Sign sign, String amountField, String currencyField) {
        Currency currency = currencies.findEnabled(currencyCode)
                .orElseThrow(() -> BusinessException.invalid(List.of(
                        new BusinessException.FieldError(currencyField, "currency_unsupported"))));
        return Money.parse(amount, currency.code(), currency.exponent(), sign, amountField);
    }

    /** A positive amount in the fields "amount" and "currency", the usual shape of a money-moving request. */
    public Money positive(String amount, String currencyCode) {
        return parse(amount, currencyCode, Money.Sign.POSITIVE, "amount", "currency");
    }
}
