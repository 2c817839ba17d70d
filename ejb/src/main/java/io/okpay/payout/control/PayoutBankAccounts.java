package io.okpay.payout.control;

import io.okpay.ledger.boundary.OwnerType;
import io.okpay.payout.entity.PayoutBankAccount;
import io.okpay.shared.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The bank accounts an owner's payouts went to, each first approved with the account owner's code: when (for "first
 * payout to this IBAN" and "within 24 hours of adding it"), and whether a merchant's API key may pay out to it. Only an
 * HMAC of the IBAN is kept.
 */
@ApplicationScoped
public class PayoutBankAccounts {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    /** When the owner first approved a payout to this IBAN with a code; empty when never. */
    public Optional<Instant> confirmedAt(OwnerType ownerType, String ownerId, Iban iban) {
        return em.createNamedQuery(PayoutBankAccount.FIND, PayoutBankAccount.class)
                .setParameter("ownerType", ownerType.name()).setParameter("ownerId", ownerId)
                .setParameter("digest", digest(iban)).getResultStream().findFirst().map(PayoutBankAccount::confirmedAt);
    }

    /**
     * Records that the owner approved a payout to this IBAN with a code; the first approval stays (a concurrent one
     * is ignored by the unique key).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirmed(OwnerType ownerType, String ownerId, Iban iban, String byUserId) {
        em.createNativeQuery("INSERT IGNORE INTO payout_bank_account "
                        + "(owner_type, owner_id, iban_digest, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, ownerType.name()).setParameter(2, ownerId).setParameter(3, digest(iban))
                .setParameter(4, byUserId).setParameter(5, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    private String digest(Iban iban) {
        return masterKey.hmac("payout-bank-account", iban.value());
    }
}
