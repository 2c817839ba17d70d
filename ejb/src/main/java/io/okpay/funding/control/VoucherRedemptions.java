package io.okpay.funding.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.entity.Voucher;
import io.okpay.funding.entity.VoucherCode;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Set;

/**
 * Claims a voucher for a person: in one transaction, with the voucher's row locked, the voucher is marked redeemed
 * and its top-up is written, so a code is used once however many requests race for it. The money then moves in the
 * top-up's ledger posting, whose idempotency key is the top-up's id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class VoucherRedemptions {

    /** What {@link #redeem} refuses a code for: each counts as a wrong guess. */
    public static final Set<String> REFUSALS = Set.of("voucher_unknown", "voucher_used", "voucher_expired");

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    FeeSchedule fees;

    @Inject
    Currencies currencies;

    /** The new top-up (PROCESSING); refused with voucher_unknown, voucher_used or voucher_expired otherwise. */
    public TopUp redeem(String userId, String idempotencyKey, String requestHash, VoucherCode code) {
        Voucher voucher = em.createNamedQuery(Voucher.BY_HASH, Voucher.class).setParameter("hash", code.hash())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("voucher_unknown"));
        if (voucher.awaitingApproval() || voucher.voided()) {
            // Not money yet: a batch waiting for its second approval is as unknown to the redeemer as a wrong code.
            throw new BusinessException("voucher_unknown");
        }
        Instant now = Instant.now();
        if (voucher.redeemed()) {
            throw new BusinessException("voucher_used");
        }
        if (!now.isBefore(voucher.expiresAt())) {
            throw new BusinessException("voucher_expired");
        }
        int exponent = currencies.exponent(voucher.currency());
        Money fee = fees.fee(TopUpMethod.VOUCHER, new Money(voucher.amount(), voucher.currency(), exponent));
        voucher.redeem(userId, now);
        TopUp topUp = new TopUp(PublicIds.newId("top"), userId, idempotencyKey, requestHash, TopUpMethod.VOUCHER,
                voucher.currency(), voucher.amount(), Math.min(fee.minor(), voucher.amount()), now);
        topUp.redeemed(voucher.id());
        em.persist(topUp);
        em.flush();
        return topUp;
    }
}
