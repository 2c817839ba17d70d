package io.okpay.currency.boundary;

import io.okpay.currency.control.CurrencyRegistry;
import io.okpay.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Reads the currency registry (kept in memory: see {@link CurrencyRegistry}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Currencies {

    @Inject
    CurrencyRegistry registry;

    /** The enabled currencies, by code. */
    public List<Currency> enabled() {
        return registry.enabled();
    }

    /** The codes of the enabled currencies, sorted: what a form offers to choose from. */
    public List<String> enabledCodes() {
        return enabled().stream().map(Currency::code).toList();
    }

    /** The currency with this code if OKPay knows it, enabled or not. */
    public Optional<Currency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(registry.byCode().get(code));
    }

    /** The currency with this code if it is enabled: the only ones a new request may use. */
    public Optional<Currency> findEnabled(String code) {
        return find(code).filter(Currency::enabled);
    }

    /**
     * The exponent of a currency that amounts already stored are in (a transfer, a payout): OKPay knew it when the
     * amount was written, so an unknown code is a broken invariant, not a request to refuse.
     */
    public int exponent(String code) {
        return find(code).map(Currency::exponent)
                .orElseThrow(() -> new IllegalStateException("an amount in an unknown currency: " + code));
    }

    /** Stored minor units as money in their currency, with its {@link #exponent}. */
    public Money money(long minor, String code) {
        return new Money(minor, code, exponent(code));
    }
}
