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

    /** A top-up found by its id ({@code tu_...}) or its bank transfer reference, for the operators' search. */
    public record TopUpHit(String id, String userId, String status, String transactionId) {
    }

    public Optional<TopUpHit> byIdOrReference(String idOrReference) {
        return em.createQuery("SELECT t.publicId, t.userId, t.status, t.transactionId FROM TopUp t "
                        + "WHERE t.publicId = :q OR t.reference = :q", Object[].class)
                .setParameter("q", idOrReference == null ? "" : idOrReference.strip()).setMaxResults(1)
                .getResultStream().findFirst()
                .map(r -> new TopUpHit((String) r[0], String.valueOf(r[1]), String.valueOf(r[2]), (String) r[3]));
    }
}
