package io.okpay.payout.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.ledger.boundary.HoldState;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.payout.control.DebtorAccount;
import io.okpay.payout.control.PayoutFiles;
import io.okpay.payout.control.PayoutIbans;
import io.okpay.payout.control.PayoutRecords;
import io.okpay.payout.control.PayoutSteps;
import io.okpay.payout.entity.Payout;
import io.okpay.payout.entity.PayoutBatch;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operators' (FINANCE) side of payouts ({@link Payouts} is the owners'): they export the pending payouts as a
 * bank file (they become PROCESSING), and after the bank executed them mark each one paid (the hold is posted: the
 * money leaves the owner's account into PAYOUT_CLEARING) or failed (the hold is voided: the money is available
 * again). PAYOUT_CLEARING then holds what OKPay's bank account is about to pay out; when the bank statement shows the
 * debit, finance books clearing against the bank (see README). The callers enforce the FINANCE role.
 */
@Stateless
@RolesAllowed("FINANCE")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutDesk {

    private static final int REASON_MAX_LENGTH = 140;
    private static final Set<PayoutStatus> PAYABLE = EnumSet.of(PayoutStatus.PROCESSING, PayoutStatus.PAYING);
    private static final Set<PayoutStatus> FAILABLE = EnumSet.of(PayoutStatus.PENDING, PayoutStatus.PROCESSING,
            PayoutStatus.FAILING);

    @Inject
    Currencies currencies;

    @EJB
    Ledger ledger;

    @EJB
    PayoutRecords records;

    @Inject
    PayoutSteps steps;

    @Inject
    PayoutIbans ibans;

    @Inject
    DebtorAccount debtor;

    /** Payouts in these statuses, oldest first, for the operators' queue; {@code after} is the last id seen. */
    public PayoutPage inStatus(Set<PayoutStatus> statuses, String after, int limit) {
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            afterId = records.byPublicId(after)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))))
                    .id();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Payout> rows = records.inStatus(statuses, afterId, size + 1);
        return new PayoutPage(rows.stream().limit(size).map(this::view).toList(), rows.size() > size);
    }

    /**
     * Puts every pending payout into a new batch (they become processing) and returns the bank file of it. Each payout
     * is exported once: a second export holds only payouts requested since; nothing pending is payouts_none_pending.
     * Their holds no longer expire: the bank may take longer than the hold's deadline to pay them.
     */
    public PayoutBatchFile export(String operatorId, boolean pain001) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PayoutBatch batch = records.claimBatch(PublicIds.newId("pob"), operatorId, now)
                .orElseThrow(() -> new BusinessException("payouts_none_pending"));
        return file(batch, pain001);
    }

    /** The file of an earlier batch again, in either format; 404 for an unknown batch. */
    public PayoutBatchFile batchFile(String batchId, boolean pain001) {
        return file(records.batch(batchId).orElseThrow(BusinessException::notFound), pain001);
    }

    /**
     * The bank executed the payout: the hold is posted into PAYOUT_CLEARING, the fee goes to fees revenue. A hold that
     * expired anyway (exported before holds were kept at export) is hold_expired.
     */
    public PayoutView markPaid(String operatorId, String payoutId) {
        Payout payout = records.byPublicId(payoutId).orElseThrow(BusinessException::notFound);
        if (payout.holdId() != null && payout.status() == PayoutStatus.PROCESSING
                && ledger.holdSnapshot(payout.holdId()).state() == HoldState.EXPIRED) {
            throw new BusinessException("hold_expired");
        }
        if (!records.begin(payout.id(), PAYABLE, PayoutStatus.PAYING, operatorId, null)) {
            throw new BusinessException("payout_not_payable");
        }
        return view(steps.settle(payout.id()));
    }

    /** The bank refused or returned the payout (or it must not go out): the hold is released. */
    public PayoutView markFailed(String operatorId, String payoutId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw BusinessException.invalid(List.of(new FieldError("reason", "payout_reason_invalid", REASON_MAX_LENGTH)));
        }
        Payout payout = records.byPublicId(payoutId).orElseThrow(BusinessException::notFound);
        if (!records.begin(payout.id(), FAILABLE, PayoutStatus.FAILING, operatorId, why)) {
            throw new BusinessException("payout_not_failable");
        }
        return view(steps.settle(payout.id()));
    }

    private PayoutBatchFile file(PayoutBatch batch, boolean pain001) {
        List<PayoutFiles.Line> lines = new ArrayList<>();
        for (Payout payout : records.ofBatch(batch.id())) {
            lines.add(new PayoutFiles.Line(payout.publicId(), steps.money(payout, payout.amount()), ibans.open(payout),
                    payout.accountHolder()));
        }
        String name = "okpay-payouts-" + batch.publicId();
        return pain001
                ? new PayoutBatchFile(batch.publicId(), lines.size(), "application/xml", name + ".xml",
                PayoutFiles.pain001(batch.publicId(), batch.createdAt(), debtor, lines))
                : new PayoutBatchFile(batch.publicId(), lines.size(), "text/csv", name + ".csv",
                PayoutFiles.csv(batch.publicId(), lines));
    }

    private PayoutView view(Payout payout) {
        return PayoutView.of(payout, currencies.exponent(payout.currency()), false);
    }
}
