package io.okpay.funding.control;

import io.okpay.funding.boundary.CardToken;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.entity.TopUpReference;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.shared.BusinessException;
import io.okpay.shared.PublicIds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The top-up rows, each change committed on its own: a top-up's progress must be durable before and after every call
 * to the card processor, and no database transaction may stay open while OKPay waits for it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TopUpRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** A new top-up in PROCESSING; fails with a duplicate key when the user already used this idempotency key. */
    public TopUp create(String userId, String idempotencyKey, String requestHash, TopUpMethod method, String currency,
                        long amount, long fee) {
        TopUp topUp = new TopUp(PublicIds.newId("top"), userId, idempotencyKey, requestHash, method, currency, amount,
                fee, Instant.now());
        em.persist(topUp);
        em.flush();
        return topUp;
    }

    /** A new bank transfer top-up, PENDING until money with its reference arrives or {@code expiresAt} passes. */
    public TopUp createBankTransfer(String userId, String idempotencyKey, String requestHash, String currency,
                                    long amount, long fee, TopUpReference reference, Instant expiresAt) {
        TopUp topUp = new TopUp(PublicIds.newId("top"), userId, idempotencyKey, requestHash, TopUpMethod.BANK_TRANSFER,
                currency, amount, fee, Instant.now());
        topUp.awaitTransfer(reference, expiresAt);
        em.persist(topUp);
        em.flush();
        return topUp;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<TopUp> byReference(TopUpReference reference) {
        return em.createNamedQuery(TopUp.BY_REFERENCE, TopUp.class).setParameter("reference", reference.value())
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<TopUp> byKey(String userId, String idempotencyKey) {
        return em.createNamedQuery(TopUp.BY_KEY, TopUp.class).setParameter("userId", userId)
                .setParameter("key", idempotencyKey).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<TopUp> find(String publicId) {
        return em.createNamedQuery(TopUp.BY_PUBLIC_ID, TopUp.class).setParameter("publicId", publicId)
                .getResultStream().findFirst();
    }

    /** The user's own top-up; someone else's is as absent as an unknown one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<TopUp> findOwned(String userId, String publicId) {
        return find(publicId).filter(topUp -> topUp.userId().equals(userId));
    }

    /** Top-ups still PROCESSING whose last change is older than {@code before}: their answer was lost. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> stuck(Instant before, int limit) {
        return em.createNamedQuery(TopUp.UNSETTLED_BEFORE, String.class).setParameter("status", TopUpStatus.PROCESSING)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** Bank transfer top-ups still PENDING after their expiry: money arriving later goes to suspense. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> expiredTransfers(Instant now, int limit) {
        return em.createNamedQuery(TopUp.EXPIRED_TRANSFERS, String.class).setParameter("status", TopUpStatus.PENDING)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public TopUp tokenised(String publicId, CardToken token) {
        TopUp topUp = locked(publicId);
        topUp.cardTokenised(token, Instant.now());
        return topUp;
    }

    /** Records the processor's authorisation; a settled top-up stays as it is (a late or repeated answer). */
    public TopUp authorised(String publicId, String authorisationId, TopUpStatus status) {
        TopUp topUp = locked(publicId);
        if (!topUp.status().settled()) {
            topUp.authorised(authorisationId, status, Instant.now());
        }
        return topUp;
    }

    public TopUp failed(String publicId, String failureCode) {
        TopUp topUp = locked(publicId);
        if (!topUp.status().settled()) {
            topUp.failed(failureCode, Instant.now());
        }
        return topUp;
    }

    public TopUp succeeded(String publicId, String transactionId) {
        TopUp topUp = locked(publicId);
        topUp.succeeded(transactionId, Instant.now());
        return topUp;
    }

    private TopUp locked(String publicId) {
        return em.createNamedQuery(TopUp.BY_PUBLIC_ID, TopUp.class).setParameter("publicId", publicId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(BusinessException::notFound);
    }
}
