package io.okpay.funding.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Top-ups as other features' views of the same money see them (a transaction's detail names what caused it). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TopUpDirectory {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The id of the top-up whose money this ledger transaction (public id) credited, if it was one. */
    public Optional<String> topUpOf(String transactionId) {
        return em.createQuery("SELECT t.publicId FROM TopUp t WHERE t.transactionId = :id", String.class)
                .setParameter("id", transactionId).setMaxResults(1).getResultStream().findFirst();
    }
}
