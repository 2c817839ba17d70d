package io.okpay.transfer.boundary;

import io.okpay.identity.boundary.UserNames;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Transfers as other features' views of the same money see them (a person's history of their wallets): which transfer
 * a ledger transaction belongs to and who took part, and which of a person's transactions were with someone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TransferDirectory {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    UserNames names;

    /**
     * The transfers these ledger transactions (public ids) belong to, by transaction id: the sending, and an escrow
     * transfer's settlement (claim, return or cancellation).
     */
    public Map<String, TransferParties> byTransactions(Collection<String> transactionIds) {
        Map<String, TransferParties> found = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return found;
        }
        em.createQuery("SELECT t.publicId, t.senderId, t.recipientId, t.recipientEmail, t.transactionId, "
                        + "t.settledTransactionId FROM Transfer t "
                        + "WHERE t.transactionId IN :ids OR t.settledTransactionId IN :ids", Object[].class)
                .setParameter("ids", transactionIds).getResultStream().forEach(row -> {
                    TransferParties parties = new TransferParties((String) row[0], (String) row[1], (String) row[2],
                            (String) row[3]);
                    found.put((String) row[4], parties);
                    if (row[5] != null) {
                        found.put((String) row[5], parties);
                    }
                });
        return found;
    }

    /**
     * The ledger transactions of the person's transfers (sendings and settlements) whose other side's username or
     * e-mail address matches {@code like}, including an invited address nobody claimed yet. {@code like} is a LIKE
     * pattern in lower case with {@code !} as its escape character. Only the person's own counterparties are searched.
     */
    public Set<String> transactionsWith(String userId, String like) {
        Set<String> others = em.createQuery("SELECT DISTINCT CASE WHEN t.senderId = :me THEN t.recipientId "
                        + "ELSE t.senderId END FROM Transfer t WHERE t.senderId = :me OR t.recipientId = :me", String.class)
                .setParameter("me", userId).getResultStream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> matching = names.matching(others, like);
        String select = "SELECT t.transactionId, t.settledTransactionId FROM Transfer t WHERE ";
        TypedQuery<Object[]> query = matching.isEmpty()
                ? em.createQuery(select + "t.senderId = :me AND lower(t.recipientEmail) LIKE :term ESCAPE '!'",
                        Object[].class)
                : em.createQuery(select + "(t.senderId = :me AND (t.recipientId IN :matching "
                        + "OR lower(t.recipientEmail) LIKE :term ESCAPE '!')) "
                        + "OR (t.recipientId = :me AND t.senderId IN :matching)", Object[].class)
                .setParameter("matching", matching);
        query.setParameter("me", userId).setParameter("term", like);
        Set<String> found = new HashSet<>();
        query.getResultStream().forEach(row -> {
            found.add((String) row[0]);
            if (row[1] != null) {
                found.add((String) row[1]);
            }
        });
        return found;
    }

    /** A transfer found by its id ({@code tr_...}), for the operators' search. */
    public record TransferHit(String id, String senderId, String recipientId, String status, String transactionId) {
    }

    public java.util.Optional<TransferHit> byId(String transferId) {
        return em.createQuery("SELECT t.publicId, t.senderId, t.recipientId, t.status, t.transactionId FROM Transfer t "
                        + "WHERE t.publicId = :id", Object[].class)
                .setParameter("id", transferId == null ? "" : transferId.strip()).setMaxResults(1)
                .getResultStream().findFirst().map(r -> new TransferHit((String) r[0], (String) r[1], (String) r[2],
                        String.valueOf(r[3]), (String) r[4]));
    }
}
