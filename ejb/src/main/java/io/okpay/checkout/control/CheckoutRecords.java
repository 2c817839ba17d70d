package io.okpay.checkout.control;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.entity.CheckoutPayment;
import io.okpay.checkout.entity.CheckoutRefund;
import io.okpay.checkout.boundary.PaymentLinkStatus;
import io.okpay.checkout.entity.CheckoutSession;
import io.okpay.checkout.entity.PaymentLink;
import io.okpay.checkout.entity.PaymentStatus;
import io.okpay.checkout.entity.RefundStatus;
import io.okpay.checkout.boundary.SessionStatus;
import io.okpay.shared.persistence.WriteConflicts;
import io.okpay.shared.BusinessException;
import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The short transactions around checkout's ledger postings. A session row is the lock that orders everything about
 * it: paying it, expiring it. A payment row is the lock for its refunds, whose total is counted before they are posted.
 * Unique keys lost to a concurrent duplicate arrive as WriteConflict; reads run outside any transaction so they see
 * what other requests committed a moment ago.
 */
@Stateless
@Interceptors(WriteConflicts.class)
public class CheckoutRecords {

    public static final String SESSION_EXPIRED = "checkout.session.expired";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    WebhookEvents webhooks;

    @Inject
    CheckoutViews views;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insertSession(CheckoutSession session) {
        em.persist(session);
        em.flush();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutSession> session(String publicId) {
        return em.createNamedQuery(CheckoutSession.BY_PUBLIC_ID, CheckoutSession.class)
                .setParameter("id", publicId == null ? "" : publicId).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutSession> sessionByKey(String merchantId, String key) {
        return em.createNamedQuery(CheckoutSession.BY_KEY, CheckoutSession.class).setParameter("merchantId", merchantId)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<CheckoutSession> sessionsOf(String merchantId, long before, int max) {
        return em.createNamedQuery(CheckoutSession.OF_MERCHANT, CheckoutSession.class)
                .setParameter("merchantId", merchantId).setParameter("before", before).setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> dueSessions(Instant now, int max) {
        return em.createNamedQuery(CheckoutSession.DUE, String.class).setParameter("now", now).setMaxResults(max)
                .getResultList();
    }

    /**
     * Expires an open session that nobody is paying: when its time is up, or at once when {@code force} (the merchant
     * asked). Announces checkout.session.expired in the same transaction. True when this call expired it, so running
     * it on several instances at once announces each session once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(String sessionId, Instant now, boolean force) {
        CheckoutSession session = lockedSession(sessionId).orElse(null);
        if (session == null || session.status() != SessionStatus.OPEN || (!force && session.expiresAt().isAfter(now))
                || payment(session.publicId()).isPresent()) {
            return false;
        }
        session.close(SessionStatus.EXPIRED, now);
        webhooks.publish(WebhookEvents.eventId(SESSION_EXPIRED, session.publicId()), session.merchantId(),
                SESSION_EXPIRED, CheckoutJson.session(views.session(session, false)));
        return true;
    }

    /**
     * Claims the session for a payment by this payer before the money moves: writes the PENDING payment row (with the
     * id reserved in the session), or takes over one whose attempt moved no money. A succeeded payment is returned
     * as it is, for the caller to answer. Refused when the session is expired or past its time.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CheckoutPayment reservePayment(String sessionId, String payerId, long fee, Instant now) {
        CheckoutSession session = lockedSession(sessionId).orElseThrow(BusinessException::notFound);
        Optional<CheckoutPayment> existing = payment(sessionId);
        if (existing.isPresent() && existing.get().status() == PaymentStatus.SUCCEEDED) {
            return existing.get();
        }
        if (session.status() != SessionStatus.OPEN || !session.expiresAt().isAfter(now)) {
            throw new BusinessException("session_expired");
        }
        if (session.paymentLinkId() != null) {
            requirePayableLink(session.paymentLinkId(), sessionId, now);
        }
        CheckoutPayment payment;
        if (existing.isPresent()) {
            payment = existing.get();
            payment.retryBy(payerId, fee);
        } else {
            payment = new CheckoutPayment(session.paymentId(), sessionId, session.merchantId(), payerId,
                    session.amount(), fee, session.currency(), now);
            em.persist(payment);
        }
        em.flush();
        return payment;
    }

    /** The attempt was refused before any money moved: the session is free again (to pay, or to expire). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void releasePayment(String paymentId) {
        em.createQuery("DELETE FROM CheckoutPayment p WHERE p.publicId = :id AND p.status = :pending")
                .setParameter("id", paymentId).setParameter("pending", PaymentStatus.PENDING).executeUpdate();
    }

    /**
     * The money moved: the payment succeeded and the session is complete. Writes the payment row again should a
     * refused duplicate attempt have released it meanwhile: the ledger posting is the truth.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CheckoutPayment completePayment(CheckoutPayment reserved, String payerId, String transactionId, Instant at) {
        CheckoutSession session = lockedSession(reserved.sessionId()).orElseThrow();
        CheckoutPayment payment = payment(reserved.sessionId()).orElse(null);
        if (payment == null) {
            payment = new CheckoutPayment(reserved.publicId(), reserved.sessionId(), reserved.merchantId(), payerId,
                    reserved.amount(), reserved.fee(), reserved.currency(), reserved.createdAt());
            em.persist(payment);
        }
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            payment.succeeded(payerId, transactionId);
        }
        if (session.status() != SessionStatus.COMPLETE) {
            session.close(SessionStatus.COMPLETE, at);
        }
        em.flush();
        return payment;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutPayment> payment(String sessionId) {
        return em.createNamedQuery(CheckoutPayment.BY_SESSION, CheckoutPayment.class).setParameter("sessionId", sessionId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutPayment> paymentById(String paymentId) {
        return em.createNamedQuery(CheckoutPayment.BY_PUBLIC_ID, CheckoutPayment.class)
                .setParameter("id", paymentId == null ? "" : paymentId).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long paymentsBy(String payerId, String merchantId) {
        return em.createNamedQuery(CheckoutPayment.COUNT_PAID_BY, Long.class).setParameter("payerId", payerId)
                .setParameter("merchantId", merchantId).getSingleResult();
    }

    /**
     * Counts a refund against its payment before it is posted, so concurrent refunds never add up to more than was
     * paid. An earlier refund under the same key is returned as it is, for the caller to compare. {@code amount} null
     * means what is left to refund.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CheckoutRefund reserveRefund(String merchantId, String paymentId, String key, Long amount, String reason,
                                        String refundId, Instant now) {
        Optional<CheckoutRefund> earlier = refundByKey(merchantId, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CheckoutPayment payment = em.createNamedQuery(CheckoutPayment.BY_PUBLIC_ID, CheckoutPayment.class)
                .setParameter("id", paymentId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .filter(p -> p.merchantId().equals(merchantId) && p.status() == PaymentStatus.SUCCEEDED)
                .orElseThrow(BusinessException::notFound);
        long left = payment.amount() - payment.refunded();
        long refunded = amount == null ? left : amount;
        if (refunded <= 0 || refunded > left) {
            throw new BusinessException("refund_exceeds_payment");
        }
        payment.addRefunded(refunded);
        CheckoutRefund refund = new CheckoutRefund(refundId, paymentId, merchantId, refunded, payment.currency(), reason,
                key, now);
        em.persist(refund);
        em.flush();
        return refund;
    }

    /** The ledger refused the refund (the merchant's balance is too low): it no longer counts against the payment. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void releaseRefund(String refundId) {
        CheckoutRefund refund = refundById(refundId).orElse(null);
        if (refund == null || refund.status() != RefundStatus.PENDING) {
            return;
        }
        em.createNamedQuery(CheckoutPayment.BY_PUBLIC_ID, CheckoutPayment.class).setParameter("id", refund.paymentId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult().addRefunded(-refund.amount());
        em.remove(em.merge(refund));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CheckoutRefund completeRefund(String refundId, String transactionId) {
        CheckoutRefund refund = em.createNamedQuery(CheckoutRefund.BY_PUBLIC_ID, CheckoutRefund.class)
                .setParameter("id", refundId).getSingleResult();
        if (refund.status() != RefundStatus.SUCCEEDED) {
            refund.succeeded(transactionId);
        }
        return refund;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutRefund> refundByKey(String merchantId, String key) {
        return em.createNamedQuery(CheckoutRefund.BY_KEY, CheckoutRefund.class).setParameter("merchantId", merchantId)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CheckoutRefund> refundById(String refundId) {
        return em.createNamedQuery(CheckoutRefund.BY_PUBLIC_ID, CheckoutRefund.class).setParameter("id", refundId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<CheckoutRefund> refundsOf(String paymentId) {
        return em.createNamedQuery(CheckoutRefund.OF_PAYMENT, CheckoutRefund.class).setParameter("paymentId", paymentId)
                .setMaxResults(100).getResultList();
    }

    // ---- payment links --------------------------------------------------------------------------------------------

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insertLink(PaymentLink link) {
        em.persist(link);
        em.flush();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<PaymentLink> link(String publicId) {
        return em.createNamedQuery(PaymentLink.BY_PUBLIC_ID, PaymentLink.class)
                .setParameter("id", publicId == null ? "" : publicId).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<PaymentLink> linksOf(String merchantId, long before, int max) {
        return em.createNamedQuery(PaymentLink.OF_MERCHANT, PaymentLink.class).setParameter("merchantId", merchantId)
                .setParameter("before", before).setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deactivateLink(String linkId, Instant now) {
        em.createNamedQuery(PaymentLink.BY_PUBLIC_ID, PaymentLink.class).setParameter("id", linkId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult().deactivate(now);
    }

    /** The succeeded payments of each of these links (links without any are not in the map). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, Long> paidCounts(Collection<String> linkIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!linkIds.isEmpty()) {
            em.createQuery("SELECT s.paymentLinkId, COUNT(p) FROM CheckoutPayment p, CheckoutSession s "
                            + "WHERE s.publicId = p.sessionId AND p.status = :succeeded AND s.paymentLinkId IN :ids "
                            + "GROUP BY s.paymentLinkId", Object[].class)
                    .setParameter("succeeded", PaymentStatus.SUCCEEDED).setParameter("ids", linkIds)
                    .getResultStream().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** A link's succeeded payments, newest first, strictly before an internal payment id (the cursor). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<CheckoutPayment> linkPayments(String linkId, long before, int max) {
        return em.createQuery("SELECT p FROM CheckoutPayment p, CheckoutSession s WHERE s.publicId = p.sessionId "
                        + "AND s.paymentLinkId = :link AND p.status = :succeeded AND p.id < :before ORDER BY p.id DESC",
                        CheckoutPayment.class)
                .setParameter("link", linkId).setParameter("succeeded", PaymentStatus.SUCCEEDED)
                .setParameter("before", before).setMaxResults(max).getResultList();
    }

    /**
     * Under the link's lock (taken after the session's, always in that order): refuses a payment of a link's session
     * when the link is deactivated or expired, or when its payments, succeeded or under way in other sessions, already
     * reach its quantity limit. Two payers of the last one therefore cannot both pay.
     */
    private void requirePayableLink(String linkId, String sessionId, Instant now) {
        PaymentLink link = em.createNamedQuery(PaymentLink.BY_PUBLIC_ID, PaymentLink.class).setParameter("id", linkId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        long taken = link.quantityLimit() == null ? 0 : em.createQuery("SELECT COUNT(p) FROM CheckoutPayment p, "
                        + "CheckoutSession s WHERE s.publicId = p.sessionId AND s.paymentLinkId = :link "
                        + "AND p.sessionId <> :session", Long.class)
                .setParameter("link", linkId).setParameter("session", sessionId).getSingleResult();
        PaymentLinkStatus status = link.status(taken, now);
        if (status != PaymentLinkStatus.ACTIVE) {
            throw new BusinessException(status.refusal());
        }
    }

    private Optional<CheckoutSession> lockedSession(String sessionId) {
        return em.createNamedQuery(CheckoutSession.BY_PUBLIC_ID, CheckoutSession.class).setParameter("id", sessionId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }
}
