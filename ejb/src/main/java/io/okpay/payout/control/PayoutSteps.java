package io.okpay.payout.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.payout.entity.Payout;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ledger steps of a payout, for the owner's side and the operators' alike: the hold when it is requested, and
 * the settlement a payout was moved into (paid, failed, cancelled). No transaction of its own: each ledger call is
 * its own, keyed by the payout, so a step run again after a crash posts nothing twice.
 */
@ApplicationScoped
public class PayoutSteps {

    static final String HOLD_CODE = "payout";
    static final String VOID_CODE = "payout_void";
    static final String FEE_CODE = "payout_fee";

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    PayoutRecords records;

    @EJB
    PayoutOutcomes outcomes;

    @Inject
    Currencies currencies;

    /** Holds amount + fee for a payout row without a hold yet; a refusal removes the row. */
    public Payout hold(Payout payout) {
        if (payout.holdId() != null || payout.status() != PayoutStatus.PENDING) {
            return payout;
        }
        AccountSnapshot from = accounts.wallet(payout.ownerType(), payout.ownerId(), payout.currency());
        AccountSnapshot clearing = accounts.house(Purpose.PAYOUT_CLEARING, payout.currency());
        PostedTransaction held;
        try {
            held = ledger.hold(HoldRequest.of(scope(payout), "hold", HOLD_CODE, from.id(), clearing.id(),
                    money(payout, payout.total()), payout.holdExpiresAt()).withExternalRef(payout.publicId()));
        } catch (BusinessException refused) {
            records.removeUnheld(payout.id());
            throw refused;
        }
        records.attachHold(payout.id(), held.id());
        return records.byId(payout.id());
    }

    /** Runs the ledger step of the settlement the payout is in (PAYING, FAILING, CANCELLING) and finishes it. */
    public Payout settle(long id) {
        Payout payout = records.byId(id);
        PayoutStatus during = payout.status();
        String transactionId = null;
        PayoutStatus done;
        if (during == PayoutStatus.PAYING) {
            PostedTransaction posted = ledger.postHold(scope(payout), "paid", HOLD_CODE, payout.holdId(), payout.total());
            if (payout.fee() > 0) {
                Money fee = money(payout, payout.fee());
                ledger.post(PostingRequest.of(scope(payout), "fee", FEE_CODE,
                                Line.debit(accounts.house(Purpose.PAYOUT_CLEARING, payout.currency()).id(), fee),
                                Line.credit(accounts.house(Purpose.FEES, payout.currency()).id(), fee))
                        .withExternalRef(payout.publicId()));
            }
            transactionId = posted.id();
            done = PayoutStatus.PAID;
        } else if (during == PayoutStatus.FAILING || during == PayoutStatus.CANCELLING) {
            if (payout.holdId() != null) {
                try {
                    transactionId = ledger.voidHold(scope(payout), "void", VOID_CODE, payout.holdId()).id();
                } catch (BusinessException e) {
                    // The hold's deadline passed and the ledger already gave the money back: nothing left to release.
                    if (!"hold_expired".equals(e.code())) {
                        throw e;
                    }
                }
            }
            done = during == PayoutStatus.FAILING ? PayoutStatus.FAILED : PayoutStatus.CANCELLED;
        } else {
            return payout;
        }
        outcomes.finish(id, during, done, transactionId);
        return records.byId(id);
    }

    /** An amount of the payout (its amount, fee or total) in minor units, as money in the payout's currency. */
    public Money money(Payout payout, long minor) {
        return currencies.money(minor, payout.currency());
    }

    private static String scope(Payout payout) {
        return "payout:" + payout.publicId();
    }
}
