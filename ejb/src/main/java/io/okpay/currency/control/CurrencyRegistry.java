package io.okpay.currency.control;

import io.okpay.currency.boundary.Currency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The currency table, read once per instance: only migrations change it, and every amount that arrives asks it, so a
 * database round trip (and a transaction) per request bought nothing.
 */
@ApplicationScoped
public class CurrencyRegistry {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    private volatile Map<String, Currency> byCode;

    /** Every currency OKPay knows, enabled or not, by code (sorted). */
    public Map<String, Currency> byCode() {
        Map<String, Currency> known = byCode;
        if (known == null) {
            // Two first requests at once both read the table; either copy is the same.
            Map<String, Currency> read = new TreeMap<>();
            for (io.okpay.currency.entity.Currency row : em.createQuery("SELECT c FROM Currency c",
                    io.okpay.currency.entity.Currency.class).getResultList()) {
                read.put(row.code(), new Currency(row.code(), row.exponent(), row.name(), row.enabled()));
            }
            known = byCode = Map.copyOf(read);
        }
        return known;
    }

    public List<Currency> enabled() {
        return byCode().values().stream().filter(Currency::enabled).sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }
}
