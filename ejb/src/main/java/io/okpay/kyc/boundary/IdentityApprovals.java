package io.okpay.kyc.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether compliance has approved a person's identity: what tiers and limits ask of KYC. Users are named by their
 * public id ({@code usr_…}).
 */
@Stateless
public class IdentityApprovals {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** When this person's identity was approved, if it is. */
    public Optional<Instant> approvedAt(String userId) {
        return em.createNativeQuery("SELECT approved_at FROM kyc_approval WHERE user_id = ?1", java.sql.Timestamp.class)
                .setParameter(1, userId).getResultStream()
                .findFirst().map(at -> ((java.sql.Timestamp) at).toInstant());
    }

    /** Records that this verification approved the person's identity (a later approval replaces an earlier one). */
    public void approve(String userId, String verificationId, Instant at) {
        em.createNativeQuery("INSERT INTO kyc_approval (user_id, verification_id, approved_at) VALUES (?1, ?2, ?3) "
                        + "ON DUPLICATE KEY UPDATE verification_id = VALUES(verification_id), approved_at = VALUES(approved_at)")
                .setParameter(1, userId).setParameter(2, verificationId).setParameter(3, java.sql.Timestamp.from(at))
                .executeUpdate();
    }

    /** Withdraws an approval (the person falls back to the tier their e-mail gives). */
    public void withdraw(String userId) {
        em.createNativeQuery("DELETE FROM kyc_approval WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
    }
}
