package io.okpay.currency.boundary;

import io.okpay.currency.entity.Currency;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Reads the currency registry. */
@Stateless
public class Currencies {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    public List<Currency> enabled() {
        return em.createNamedQuery(Currency.ENABLED, Currency.class).getResultList();
    }

    /** The currency with this code if OKPay knows it, enabled or not. */
    public Optional<Currency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Currency.class, code));
    }
}
