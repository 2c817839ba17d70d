package io.okpay.funding.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.currency.boundary.Amounts;
import io.okpay.funding.control.FeeSchedule;
import io.okpay.funding.entity.Voucher;
import io.okpay.funding.entity.VoucherCode;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Operators issue e-money vouchers in batches; the codes are returned once and only their hashes are kept. */
@Stateless
@RolesAllowed("FINANCE")
public class Vouchers {

    public static final int MAX_BATCH = 1000;
    private static final Duration MAX_VALIDITY = Duration.ofDays(5 * 366);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Amounts amounts;

    @Inject
    FeeSchedule fees;

    @EJB
    AuditLog auditLog;

    /** A batch of codes worth {@code amount} each, valid until {@code expiresAt}; within the top-up limits. */
    public Batch issue(String operatorId, String amount, String currency, Integer count, Instant expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        Money value = null;
        try {
            value = fees.quote(TopUpMethod.VOUCHER, amounts.positive(amount, currency)).amount();
        } catch (BusinessException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            errors.addAll(e.fieldErrors());
        }
        if (count == null || count < 1 || count > MAX_BATCH) {
            errors.add(new FieldError("count", "voucher_count_invalid", MAX_BATCH));
        }
        Instant now = Instant.now();
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
            errors.add(new FieldError("expires_at", "voucher_expiry_invalid"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        String batchId = PublicIds.newId("vb");
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            VoucherCode code = VoucherCode.generate(RANDOM);
            em.persist(new Voucher(batchId, code, value.currency(), value.minor(), expiresAt, operatorId, now));
            codes.add(code.formatted());
        }
        // Vouchers are e-money: who issued how much is for the audit log, never the codes.
        auditLog.record(operatorId, "VOUCHERS_ISSUED", "-", batchId + ": " + count + " x " + value.toDecimal() + " "
                + value.currency() + ", until " + expiresAt);
        return new Batch(batchId, value, expiresAt, codes);
    }

    /** An issued batch; {@code codes} exist only in this answer. */
    public record Batch(String id, Money amount, Instant expiresAt, List<String> codes) {
    }
}
