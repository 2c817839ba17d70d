package io.okpay.fx.control;

import io.okpay.fx.entity.FxQuote;
import io.okpay.shared.persistence.WriteConflicts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/**
 * Quote rows, each change in its own short transaction around the ledger's (which runs on its own), so every step
 * reads what the others committed. A unique-key loss arrives as a WriteConflict.
 */
@Stateless
@Interceptors(WriteConflicts.class)
public class QuoteRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(FxQuote quote) {
        em.persist(quote);
        em.flush();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<FxQuote> byPublicId(String publicId) {
        return em.createNamedQuery(FxQuote.BY_PUBLIC_ID, FxQuote.class).setParameter("id", publicId == null ? "" : publicId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<FxQuote> byConversionId(String conversionId) {
        return em.createNamedQuery(FxQuote.BY_CONVERSION_ID, FxQuote.class)
                .setParameter("id", conversionId == null ? "" : conversionId).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<FxQuote> byKey(String userId, String key) {
        return em.createNamedQuery(FxQuote.BY_KEY, FxQuote.class).setParameter("userId", userId)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** True when this call bound the key to the quote; false when the quote already had a key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long id, String key) {
        return em.createNamedQuery(FxQuote.CLAIM).setParameter("key", key).setParameter("id", id).executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(long id, String key) {
        em.createNamedQuery(FxQuote.RELEASE).setParameter("key", key).setParameter("id", id).executeUpdate();
    }

    /** Records the posting; a quote already converted (by a concurrent duplicate) keeps its first conversion. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void converted(long id, String conversionId, String transactionId, Instant at) {
        em.createNamedQuery(FxQuote.CONVERTED).setParameter("conversionId", conversionId)
                .setParameter("transactionId", transactionId).setParameter("at", at).setParameter("id", id)
                .executeUpdate();
    }
}
