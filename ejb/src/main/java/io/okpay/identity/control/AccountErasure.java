package io.okpay.identity.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.crypto.Secrets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Replaces a closed account's personal data with anonymous values, for the retention job. The account row keeps its
 * public id ({@code usr_...}), which is all the ledger, the audit log and other features' records refer to, so the books
 * still reconcile; the e-mail address becomes {@code closed+usr_...@anonymised.invalid} (unique, never deliverable) and
 * the username a random {@code closed_...} one, so both are free for someone new. Password, phone number, authenticator
 * secret, recovery codes and e-mailed links go; sign-ins and sessions keep their times but lose address and device.
 */
@ApplicationScoped
public class AccountErasure {

    /** The anonymous addresses' domain: {@code .invalid} is reserved (RFC 2606) and never resolves. */
    public static final String ANONYMOUS_DOMAIN = "anonymised.invalid";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    /** Internal ids of accounts closed before {@code closedBefore} and not anonymised yet, oldest closure first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(Instant closedBefore, int max) {
        return em.createQuery("SELECT u.id FROM User u WHERE u.closedAt IS NOT NULL AND u.closedAt <= :before "
                        + "AND u.anonymisedAt IS NULL ORDER BY u.closedAt", Long.class)
                .setParameter("before", closedBefore).setMaxResults(max).getResultList();
    }

    /**
     * Anonymises one account, in a transaction of its own: the conditional UPDATE claims the row (another instance
     * that got there first leaves nothing to update), and only the claimant clears the rest. False when there was
     * nothing (any more) to do.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean anonymise(long id, Instant closedBefore, Instant now) {
        int claimed = em.createNativeQuery("UPDATE app_user SET email = CONCAT('closed+', public_id, '@" + ANONYMOUS_DOMAIN
                        + "'), username = ?, password_hash = '!', totp_secret = NULL, totp_enabled = FALSE, phone = NULL, phone_digest = NULL, "
                        + "sms_codes = FALSE, email_codes = FALSE, anonymised_at = ?, version = version + 1 "
                        + "WHERE id = ? AND closed_at IS NOT NULL AND closed_at <= ? AND anonymised_at IS NULL")
                .setParameter(1, "closed_" + Secrets.token().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT).substring(0, 12))
                .setParameter(2, now).setParameter(3, id).setParameter(4, closedBefore).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        byRow("UPDATE sign_in SET ip = '-', device = '-'", "sign_in", id);
        byRow("UPDATE user_session SET ip = '-', device = '-'", "user_session", id);
        byRow("DELETE FROM recovery_code", "recovery_code", id);
        byRow("DELETE FROM remembered_device", "remembered_device", id);
        byRow("DELETE FROM user_token", "user_token", id);
        String publicId = (String) em.createNativeQuery("SELECT public_id FROM app_user WHERE id = ?").setParameter(1, id)
                .getSingleResult();
        auditLog.record(publicId, "ACCOUNT_ANONYMISED", "-", "retention period over");
        return true;
    }

    /**
     * Runs {@code statement} on the person's rows of {@code table}, read first and then changed by primary key: a
     * statement by person would also lock the gaps of the table's person index, where other people's sign-ins insert.
     */
    private void byRow(String statement, String table, long userId) {
        List<?> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE user_id = ?").setParameter(1, userId)
                .getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery(statement + " WHERE id IN (?1)").setParameter(1, ids).executeUpdate();
        }
    }
}
