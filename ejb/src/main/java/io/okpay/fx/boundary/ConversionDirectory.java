package io.okpay.fx.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Conversions as other features' views of the same money see them (a transaction's detail names what caused it). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ConversionDirectory {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The id of the conversion this ledger transaction (public id) made, if it was one. */
    public Optional<String> conversionOf(String transactionId) {
        return em.createQuery("SELECT q.conversionId FROM FxQuote q WHERE q.transactionId = :id "
                        + "AND q.conversionId IS NOT NULL", String.class)
                .setParameter("id", transactionId).setMaxResults(1).getResultStream().findFirst();
    }
}
