package io.okpay.ledger.control;

import io.okpay.ledger.entity.LedgerAccount;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.persistence.WriteConflicts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates an account in a transaction of its own, so that a caller who loses the race for the unique
 * (owner, purpose, currency) key can read the winner's account right after, in its own transaction.
 */
@Stateless
@Interceptors(WriteConflicts.class)
public class AccountOpening {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long open(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        LedgerAccount account = new LedgerAccount(ownerType, ownerId, purpose, currency,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        em.persist(account);
        em.flush();
        return account.id();
    }
}
