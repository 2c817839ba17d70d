package io.okpay.transfer.control;

import io.okpay.shared.persistence.WriteConflicts;
import io.okpay.transfer.boundary.TransferStatus;
import io.okpay.transfer.entity.Transfer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads transfer rows, moves escrow transfers through their settlement, and writes the row of a posting that has
 * none (one made before rows were written in the posting's own transaction) in its own short transaction: when
 * concurrent replays of one request all got that posting, one insert wins the unique key and the others read that
 * row (the loss arrives as a WriteConflict, an application exception: no system-failure log).
 */
@Stateless
@Interceptors(WriteConflicts.class)
public class TransferRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(Transfer transfer) {
        em.persist(transfer);
        em.flush();
    }

    /** Runs outside any transaction, so it sees rows that other requests committed a moment ago. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Transfer> byTransaction(String transactionId) {
        return em.createNamedQuery(Transfer.BY_TRANSACTION, Transfer.class).setParameter("transactionId", transactionId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Transfer> byKey(String senderId, String key) {
        return em.createNamedQuery(Transfer.BY_KEY, Transfer.class).setParameter("senderId", senderId)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** Takes a pending transfer into a settlement; true when this caller changed it (and so owns the settlement). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean beginSettlement(long id, TransferStatus next, String recipientId) {
        return em.createNamedQuery(Transfer.BEGIN_SETTLEMENT).setParameter("next", next)
                .setParameter("recipientId", recipientId).setParameter("id", id).executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finishSettlement(long id, TransferStatus during, String transactionId, Instant at) {
        em.createNamedQuery(Transfer.FINISH_SETTLEMENT).setParameter("done", during.settled())
                .setParameter("transactionId", transactionId).setParameter("at", at)
                .setParameter("id", id).setParameter("during", during).executeUpdate();
    }

    /** A transfer the user sent or received; empty for anyone else's, as for one that does not exist. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Transfer> involving(String userId, String publicId) {
        return em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class)
                .setParameter("id", publicId == null ? "" : publicId)
                .getResultStream().findFirst()
                .filter(t -> t.involves(userId));
    }

    /** What the sender sent to addresses without an account that is still waiting to be claimed, newest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Transfer> waitingOf(String senderId, int limit) {
        return em.createNamedQuery(Transfer.WAITING_OF_SENDER, Transfer.class).setParameter("senderId", senderId)
                .setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Transfer> byId(long id) {
        return Optional.ofNullable(em.find(Transfer.class, id));
    }

    /** Transfers waiting in escrow or in the middle of settling, oldest first, at most 500 per call. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Transfer> unsettled() {
        return em.createNamedQuery(Transfer.UNSETTLED, Transfer.class)
                .setParameter("statuses", List.of(TransferStatus.PENDING_CLAIM, TransferStatus.CLAIMING,
                        TransferStatus.RETURNING, TransferStatus.CANCELLING))
                .setMaxResults(500).getResultList();
    }
}
