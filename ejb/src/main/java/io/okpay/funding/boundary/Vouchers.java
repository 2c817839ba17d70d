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
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
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
    io.okpay.currency.boundary.Currencies currencies;

    @Inject
    FeeSchedule fees;

    @EJB
    AuditLog auditLog;

    /** A batch whose total (count x amount) is above this many major units needs a second FINANCE operator. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "okpay.funding.voucher-approval-above", defaultValue = "1000")
    java.math.BigDecimal approvalAbove;

    @Resource
    SessionContext context;

    /** A batch of codes worth {@code amount} each, valid until {@code expiresAt}; within the top-up limits. */
    public Batch issue(String operatorId, String amount, String currency, Integer count, Instant expiresAt) {
        return issue(operatorId, amount, currency, count, expiresAt, null);
    }

    /** As {@link #issue(String, String, String, Integer, Instant)}, with the operator's reason for the audit log. */
    public Batch issue(String operatorId, String amount, String currency, Integer count, Instant expiresAt, String reason) {
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
        boolean fourEyes = java.math.BigDecimal.valueOf(value.minor()).multiply(java.math.BigDecimal.valueOf(count))
                .compareTo(approvalAbove.movePointRight(value.exponent())) > 0;
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            VoucherCode code = VoucherCode.generate(RANDOM);
            em.persist(new Voucher(batchId, code, value.currency(), value.minor(), expiresAt, operatorId, now, fourEyes));
            codes.add(code.formatted());
        }
        // Vouchers are e-money: who issued how much is for the audit log, never the codes.
        auditLog.record(operatorId, "VOUCHERS_ISSUED", "-", batchId + ": " + count + " x " + value.toDecimal() + " "
                + value.currency() + ", until " + expiresAt + (fourEyes ? "; awaiting a second approval" : "")
                + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
        return new Batch(batchId, value, expiresAt, codes, fourEyes);
    }

    /**
     * A second FINANCE operator, never the one who issued it, approves a batch that waits for it: from then on its
     * codes can be redeemed. The issuer's attempt is refused (four_eyes_required) and audited.
     */
    public void approveBatch(String batchId, String reason) {
        String operatorId = context.getCallerPrincipal().getName();
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500) {
            throw BusinessException.invalid(List.of(new FieldError("reason", "reason_required", 3, 500)));
        }
        List<Voucher> batch = em.createNamedQuery(Voucher.BY_BATCH, Voucher.class).setParameter("batch", batchId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (batch.isEmpty()) {
            throw BusinessException.notFound();
        }
        if (batch.get(0).issuedBy().equals(operatorId)) {
            auditLog.recordFailure(operatorId, "VOUCHER_BATCH_SELF_APPROVAL_REFUSED", "-", AuditLog.actionDetail(batchId,
                    "the issuer tried to approve their own batch", "awaiting approval", "awaiting approval"));
            throw new BusinessException("four_eyes_required");
        }
        if (batch.stream().noneMatch(Voucher::awaitingApproval)) {
            throw new BusinessException("voucher_batch_approved");
        }
        Instant now = Instant.now();
        batch.forEach(v -> v.approve(operatorId, now));
        auditLog.recordAction(operatorId, "VOUCHER_BATCH_APPROVED", batchId + ": " + batch.size() + " voucher(s) issued by "
                + batch.get(0).issuedBy(), why, "awaiting approval", "redeemable");
    }

    /** An issued batch; {@code codes} exist only in this answer; {@code awaitingApproval} until a second operator approves. */
    public record Batch(String id, Money amount, Instant expiresAt, List<String> codes, boolean awaitingApproval)
            implements java.io.Serializable {
    }

    /** A batch waiting for its second approval: who issued it, when, how many vouchers of what value. */
    public record BatchView(String id, Money amount, long count, Instant expiresAt, String issuedBy, Instant issuedAt) {
    }

    /** A batch as the desk lists it: how many vouchers, how many redeemed, voided, waiting for approval. */
    public record BatchSummary(String id, Money amount, long count, long redeemed, long voided, long awaiting,
                               Instant expiresAt, String issuedBy, Instant issuedAt) {
    }

    /** Every batch, newest first. */
    public List<BatchSummary> batches(int limit) {
        return em.createQuery("SELECT v.batchId, v.currency, v.amount, COUNT(v), "
                        + "SUM(CASE WHEN v.redeemedAt IS NULL THEN 0 ELSE 1 END), "
                        + "SUM(CASE WHEN v.voidedAt IS NULL THEN 0 ELSE 1 END), "
                        + "SUM(CASE WHEN v.awaitingApproval = true THEN 1 ELSE 0 END), "
                        + "MIN(v.expiresAt), MIN(v.issuedBy), MIN(v.issuedAt) FROM Voucher v "
                        + "GROUP BY v.batchId, v.currency, v.amount ORDER BY MIN(v.issuedAt) DESC", Object[].class)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream()
                .map(r -> new BatchSummary((String) r[0], currencies.money(((Number) r[2]).longValue(), (String) r[1]),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue(), (Instant) r[7], (String) r[8], (Instant) r[9])).toList();
    }

    /**
     * The batch as CSV for the desk's records: one line per voucher with the last four characters of its code (OKPay
     * keeps no more), its value and what became of it; 404 for an unknown batch.
     */
    public String export(String batchId) {
        List<Voucher> batch = em.createNamedQuery(Voucher.BY_BATCH, Voucher.class).setParameter("batch", batchId)
                .getResultList();
        if (batch.isEmpty()) {
            throw BusinessException.notFound();
        }
        io.okpay.shared.Csv csv = new io.okpay.shared.Csv().row("batch", "code_last_four", "amount", "currency", "expires_at",
                "status", "redeemed_by", "redeemed_at");
        Instant now = Instant.now();
        for (Voucher v : batch) {
            String status = v.redeemed() ? "redeemed" : v.voided() ? "voided" : v.awaitingApproval() ? "awaiting_approval"
                    : now.isBefore(v.expiresAt()) ? "active" : "expired";
            csv.row(batchId, v.codeLastFour(), currencies.money(v.amount(), v.currency()).toDecimal(), v.currency(),
                    v.expiresAt().toString(), status, v.redeemedBy(), v.redeemedAt() == null ? null : v.redeemedAt().toString());
        }
        return csv.toString();
    }

    /** Voids every voucher of the batch not redeemed yet, with a reason; how many were voided. */
    public int voidUnused(String batchId, String reason) {
        String operatorId = context.getCallerPrincipal().getName();
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500) {
            throw BusinessException.invalid(List.of(new FieldError("reason", "reason_required", 3, 500)));
        }
        List<Voucher> batch = em.createNamedQuery(Voucher.BY_BATCH, Voucher.class).setParameter("batch", batchId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (batch.isEmpty()) {
            throw BusinessException.notFound();
        }
        Instant now = Instant.now();
        List<Voucher> unused = batch.stream().filter(v -> !v.redeemed() && !v.voided()).toList();
        unused.forEach(v -> v.cancel(operatorId, now));
        auditLog.recordAction(operatorId, "VOUCHERS_VOIDED", batchId, why, unused.size() + " unused of " + batch.size(),
                unused.size() + " voided");
        return unused.size();
    }

    /** The batches that wait for a second FINANCE operator, newest first. */
    public List<BatchView> awaitingApproval(int limit) {
        return em.createQuery("SELECT v.batchId, v.currency, v.amount, COUNT(v), MIN(v.expiresAt), MIN(v.issuedBy), "
                        + "MIN(v.issuedAt) FROM Voucher v WHERE v.awaitingApproval = true "
                        + "GROUP BY v.batchId, v.currency, v.amount ORDER BY MIN(v.issuedAt) DESC", Object[].class)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream()
                .map(r -> new BatchView((String) r[0], currencies.money(((Number) r[2]).longValue(), (String) r[1]),
                        ((Number) r[3]).longValue(), (Instant) r[4], (String) r[5], (Instant) r[6])).toList();
    }
}
