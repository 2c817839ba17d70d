package io.okpay.payout.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.shared.persistence.WriteConflict;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.HoldState;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.payout.control.DebtorAccount;
import io.okpay.payout.control.Iban;
import io.okpay.payout.control.PayoutFiles;
import io.okpay.payout.control.PayoutOutcomes;
import io.okpay.payout.control.PayoutRecords;
import io.okpay.payout.entity.Payout;
import io.okpay.payout.entity.PayoutBatch;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import io.okpay.transfer.control.TransferRules;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Withdrawals to a bank account, for people (from their wallet) and merchants (from their merchant account).
 * <p>
 * A request writes the payout row first (unique per owner and Idempotency-Key), then holds amount + fee on the
 * owner's account towards the house's PAYOUT_CLEARING account, keyed by the payout id, with a deadline stored in the
 * row: everything the hold needs follows from the row, so a replay after a lost answer or a crash in between holds
 * exactly once. When the ledger refuses the hold (insufficient_funds) the row is removed again.
 * <p>
 * Operators (FINANCE) export the pending payouts as a bank file (they become PROCESSING), and after the bank executed
 * them mark each one paid (the hold is posted: the money leaves the owner's account into PAYOUT_CLEARING) or failed
 * (the hold is voided: the money is available again). PAYOUT_CLEARING then holds what OKPay's bank account is about to
 * pay out; when the bank statement shows the debit, finance books clearing against the bank (see README).
 * <p>
 * The hold has a deadline (okpay.payout.hold-days, default 30). If no operator acts before it, the ledger's hold
 * expiry releases the money to the owner; such a payout is no longer exported and can only be marked failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Payouts {

    static final String HOLD_CODE = "payout";
    static final String VOID_CODE = "payout_void";
    static final String FEE_CODE = "payout_fee";
    private static final int HOLDER_MAX_LENGTH = 70;
    private static final int REASON_MAX_LENGTH = 140;
    private static final Set<PayoutStatus> CANCELLABLE = EnumSet.of(PayoutStatus.PENDING, PayoutStatus.CANCELLING);
    private static final Set<PayoutStatus> PAYABLE = EnumSet.of(PayoutStatus.PROCESSING, PayoutStatus.PAYING);
    private static final Set<PayoutStatus> FAILABLE = EnumSet.of(PayoutStatus.PENDING, PayoutStatus.PROCESSING,
            PayoutStatus.FAILING);

    @EJB
    Users users;

    @EJB
    Merchants merchants;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    PayoutRecords records;

    @EJB
    PayoutOutcomes outcomes;

    @Inject
    MasterKey masterKey;

    @Inject
    DebtorAccount debtor;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "okpay.payout.hold-days", defaultValue = "30")
    int holdDays;

    /**
     * Checks a payout without moving money: the owner may withdraw, the amount, IBAN and account holder are valid,
     * and the available balance covers amount + fee at this moment. Field errors name amount, currency, iban,
     * account_holder.
     */
    public PayoutQuote quote(PayoutOwner owner, String amount, String currency, String iban, String accountHolder) {
        return quote(read(owner, amount, currency, iban, accountHolder));
    }

    /**
     * Holds amount + fee and records the payout as pending. The same key with the same request returns the first
     * payout (marked replayed); with another request it is idempotency_conflict (409).
     */
    public PayoutView request(PayoutOwner owner, String idempotencyKey, String amount, String currency, String iban,
                              String accountHolder) {
        String key = TransferRules.idempotencyKey(idempotencyKey);
        Request request = read(owner, amount, currency, iban, accountHolder);
        var earlier = records.byKey(owner.type(), owner.id(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        PayoutQuote quote = quote(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = PublicIds.newId("po");
        Payout fresh = new Payout(id, owner.type(), owner.id(), quote.amount().minor(), quote.fee().minor(),
                quote.amount().currency(), seal(id, request.iban()), request.iban().last4(), request.accountHolder(),
                key, now, now.plus(Duration.ofDays(holdDays)));
        try {
            records.insert(fresh);
        } catch (WriteConflict lost) {
            return replay(records.byKey(owner.type(), owner.id(), key).orElseThrow(() -> lost), request);
        }
        return view(hold(fresh), false);
    }

    /** A payout of the owner; 404 for anyone else's, as for one that does not exist. */
    public PayoutView find(PayoutOwner owner, String payoutId) {
        return view(owned(owner, payoutId), false);
    }

    /** The owner's payouts, newest first; {@code startingAfter} is the id of the last payout of the previous page. */
    public PayoutPage list(PayoutOwner owner, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.byPublicId(startingAfter).filter(p -> p.ownedBy(owner.type(), owner.id()))
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))))
                    .id();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Payout> rows = records.ofOwner(owner.type(), owner.id(), before, size + 1);
        return new PayoutPage(rows.stream().limit(size).map(p -> view(p, false)).toList(), rows.size() > size);
    }

    /** The owner takes back a payout not yet exported to the bank; the hold is released. */
    public PayoutView cancel(PayoutOwner owner, String payoutId) {
        Payout payout = owned(owner, payoutId);
        if (!records.begin(payout.id(), CANCELLABLE, PayoutStatus.CANCELLING, owner.id(), null)) {
            throw new BusinessException("payout_not_cancellable");
        }
        return view(settle(payout.id()), false);
    }

    // ---- operators (FINANCE) --------------------------------------------------------------------------------------

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
        return new PayoutPage(rows.stream().limit(size).map(p -> view(p, false)).toList(), rows.size() > size);
    }

    /**
     * Puts every pending payout into a new batch (they become processing) and returns the bank file of it. Each payout
     * is exported once: a second export holds only payouts requested since; nothing pending is payouts_none_pending.
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

    /** The bank executed the payout: the hold is posted into PAYOUT_CLEARING, the fee goes to fees revenue. */
    public PayoutView markPaid(String operatorId, String payoutId) {
        Payout payout = records.byPublicId(payoutId).orElseThrow(BusinessException::notFound);
        if (payout.holdId() != null && payout.status() == PayoutStatus.PROCESSING
                && ledger.holdSnapshot(payout.holdId()).state() == HoldState.EXPIRED) {
            throw new BusinessException("hold_expired");
        }
        if (!records.begin(payout.id(), PAYABLE, PayoutStatus.PAYING, operatorId, null)) {
            throw new BusinessException("payout_not_payable");
        }
        return view(settle(payout.id()), false);
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
        return view(settle(payout.id()), false);
    }

    // ---- the steps ------------------------------------------------------------------------------------------------

    /** Holds amount + fee for a payout row without a hold yet; a refusal removes the row. */
    private Payout hold(Payout payout) {
        if (payout.holdId() != null || payout.status() != PayoutStatus.PENDING) {
            return payout;
        }
        AccountSnapshot from = accounts.wallet(payout.ownerType(), payout.ownerId(), payout.currency());
        AccountSnapshot clearing = accounts.house(Purpose.PAYOUT_CLEARING, payout.currency());
        PostedTransaction held;
        try {
            held = ledger.hold(new HoldRequest(scope(payout), "hold", HOLD_CODE, payout.publicId(), null, from.id(),
                    clearing.id(), money(payout, payout.total()), payout.holdExpiresAt()));
        } catch (BusinessException refused) {
            records.removeUnheld(payout.id());
            throw refused;
        }
        records.attachHold(payout.id(), held.id());
        return records.byId(payout.id());
    }

    /** Runs the ledger step of the settlement the payout is in (PAYING, FAILING, CANCELLING) and finishes it. */
    private Payout settle(long id) {
        Payout payout = records.byId(id);
        PayoutStatus during = payout.status();
        String transactionId = null;
        PayoutStatus done;
        if (during == PayoutStatus.PAYING) {
            PostedTransaction posted = ledger.postHold(scope(payout), "paid", HOLD_CODE, payout.holdId(), payout.total());
            if (payout.fee() > 0) {
                Money fee = money(payout, payout.fee());
                ledger.post(new PostingRequest(scope(payout), "fee", FEE_CODE, payout.publicId(), null, List.of(
                        Line.debit(accounts.house(Purpose.PAYOUT_CLEARING, payout.currency()).id(), fee),
                        Line.credit(accounts.house(Purpose.FEES, payout.currency()).id(), fee)), null, List.of()));
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

    private PayoutBatchFile file(PayoutBatch batch, boolean pain001) {
        List<PayoutFiles.Line> lines = new ArrayList<>();
        for (Payout payout : records.ofBatch(batch.id())) {
            lines.add(new PayoutFiles.Line(payout.publicId(), money(payout, payout.amount()), open(payout),
                    payout.accountHolder()));
        }
        String name = "okpay-payouts-" + batch.publicId();
        return pain001
                ? new PayoutBatchFile(batch.publicId(), lines.size(), "application/xml", name + ".xml",
                PayoutFiles.pain001(batch.publicId(), batch.createdAt(), debtor, lines))
                : new PayoutBatchFile(batch.publicId(), lines.size(), "text/csv", name + ".csv",
                PayoutFiles.csv(batch.publicId(), lines));
    }

    // ---- reading and checking a request ---------------------------------------------------------------------------

    private record Request(PayoutOwner owner, Money amount, Iban iban, String accountHolder) {
    }

    private Request read(PayoutOwner owner, String amount, String currency, String iban, String accountHolder) {
        if (owner.type() == OwnerType.USER) {
            UserView person = users.require(owner.id());
            if (!person.emailVerified()) {
                throw new BusinessException("email_not_verified");
            }
        } else {
            merchants.requireLive(owner.id());
        }
        List<FieldError> errors = new ArrayList<>();
        Money money = null;
        try {
            money = amounts.positive(amount, currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (BusinessException e) {
            errors.addAll(e.fieldErrors());
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
        }
        Iban parsed = Iban.tryParse(iban).orElse(null);
        if (parsed == null) {
            errors.add(new FieldError("iban", "iban_invalid"));
        }
        String holder = accountHolder == null ? "" : accountHolder.strip().replaceAll("\\s+", " ");
        if (holder.isEmpty() || holder.length() > HOLDER_MAX_LENGTH || holder.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("account_holder", "account_holder_invalid", HOLDER_MAX_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        return new Request(owner, money, parsed, holder);
    }

    private PayoutQuote quote(Request request) {
        Money amount = request.amount();
        Purpose purpose = request.owner().type() == OwnerType.MERCHANT ? Purpose.MERCHANT : Purpose.WALLET;
        // The ledger decides under its locks; this early look answers before anything is written.
        var account = accounts.accountsOf(request.owner().type(), request.owner().id(), purpose).stream()
                .filter(a -> a.currency().equals(amount.currency())).findFirst();
        if (account.isPresent() && account.get().status() != AccountStatus.ACTIVE) {
            throw new BusinessException(account.get().status() == AccountStatus.FROZEN ? "account_frozen" : "account_closed");
        }
        Money fee = fee(amount);
        Money total = amount.plus(fee);
        if (account.map(AccountSnapshot::available).orElse(0L) < total.minor()) {
            throw new BusinessException("insufficient_funds");
        }
        return new PayoutQuote(amount, fee, total, Iban.masked(request.iban().last4()), request.accountHolder());
    }

    /** okpay.payout.fee-fixed.&lt;currency in lower case&gt;, in minor units; no fee when not configured. */
    private Money fee(Money amount) {
        long fixed = config.getOptionalValue("okpay.payout.fee-fixed." + amount.currency().toLowerCase(Locale.ROOT), Long.class)
                .orElse(0L);
        if (fixed < 0) {
            throw new IllegalStateException("okpay.payout.fee-fixed must not be negative");
        }
        return new Money(fixed, amount.currency(), amount.exponent());
    }

    private PayoutView replay(Payout earlier, Request request) {
        boolean same = earlier.amount() == request.amount().minor()
                && earlier.currency().equals(request.amount().currency())
                && earlier.accountHolder().equals(request.accountHolder())
                && open(earlier).equals(request.iban().value());
        if (!same) {
            throw new BusinessException("idempotency_conflict");
        }
        // A crash between the row and its hold: the repeated request finishes the job.
        return view(hold(earlier), true);
    }

    private Payout owned(PayoutOwner owner, String payoutId) {
        return records.byPublicId(payoutId).filter(p -> p.ownedBy(owner.type(), owner.id()))
                .orElseThrow(BusinessException::notFound);
    }

    private String seal(String payoutId, Iban iban) {
        return masterKey.seal(iban.value().getBytes(StandardCharsets.US_ASCII), "payout-iban:" + payoutId);
    }

    private String open(Payout payout) {
        return new String(masterKey.open(payout.ibanSealed(), "payout-iban:" + payout.publicId()), StandardCharsets.US_ASCII);
    }

    private static String scope(Payout payout) {
        return "payout:" + payout.publicId();
    }

    private Money money(Payout payout, long minor) {
        return new Money(minor, payout.currency(), exponent(payout.currency()));
    }

    private int exponent(String currency) {
        return currencies.find(currency).map(Currency::exponent)
                .orElseThrow(() -> new IllegalStateException("a payout in an unknown currency: " + currency));
    }

    private PayoutView view(Payout payout, boolean replayed) {
        return PayoutView.of(payout, exponent(payout.currency()), replayed);
    }
}
