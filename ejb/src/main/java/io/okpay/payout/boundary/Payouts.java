package io.okpay.payout.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.payout.control.Iban;
import io.okpay.payout.control.PayoutIbans;
import io.okpay.payout.control.PayoutRecords;
import io.okpay.payout.control.PayoutSteps;
import io.okpay.payout.entity.Payout;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import io.okpay.shared.persistence.WriteConflict;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Withdrawals to a bank account, as their owners ask for them: people (from their wallet) and merchants (from their
 * merchant account). What operators do with them afterwards is {@link PayoutDesk}.
 * <p>
 * A request writes the payout row first (unique per owner and Idempotency-Key), then holds amount + fee on the
 * owner's account towards the house's PAYOUT_CLEARING account, keyed by the payout id, with a deadline stored in the
 * row: everything the hold needs follows from the row, so a replay after a lost answer or a crash in between holds
 * exactly once. When the ledger refuses the hold (insufficient_funds) the row is removed again. Until the payout is
 * exported to the bank its owner can cancel it: the hold is released.
 * <p>
 * The hold has a deadline (okpay.payout.hold-days, default 30) until the payout is exported; from then on it is kept
 * until the payout is paid or failed. A payout not exported before the deadline is failed by {@code PayoutSchedule}
 * and its owner told by e-mail; the ledger's hold expiry (or the void) gives the money back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Payouts {

    private static final int HOLDER_MAX_LENGTH = 70;
    private static final Set<PayoutStatus> CANCELLABLE = EnumSet.of(PayoutStatus.PENDING, PayoutStatus.CANCELLING);

    @EJB
    Users users;

    @EJB
    Merchants merchants;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    LedgerAccounts accounts;

    @EJB
    PayoutRecords records;

    @Inject
    PayoutSteps steps;

    @Inject
    PayoutIbans ibans;

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
    public PayoutQuote quote(WithdrawMoney order) {
        return quote(read(order));
    }

    /**
     * Holds amount + fee and records the payout as pending. The same key with the same order returns the first
     * payout (marked replayed); with another order it is idempotency_conflict (409).
     */
    public PayoutView request(String idempotencyKey, WithdrawMoney order) {
        String key = IdempotencyKey.of(idempotencyKey);
        Request request = read(order);
        PayoutOwner owner = request.owner();
        var earlier = records.byKey(owner.type(), owner.id(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        PayoutQuote quote = quote(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = PublicIds.newId("po");
        Payout fresh = new Payout(id, owner.type(), owner.id(), quote.amount().minor(), quote.fee().minor(),
                quote.amount().currency(), ibans.seal(id, request.iban()), request.iban().last4(), request.accountHolder(),
                key, now, now.plus(Duration.ofDays(holdDays)));
        try {
            records.insert(fresh);
        } catch (WriteConflict lost) {
            return replay(records.byKey(owner.type(), owner.id(), key).orElseThrow(() -> lost), request);
        }
        return view(steps.hold(fresh), false);
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
        return view(steps.settle(payout.id()), false);
    }

    // ---- reading and checking an order ----------------------------------------------------------------------------

    private record Request(PayoutOwner owner, Money amount, Iban iban, String accountHolder) {
    }

    /** The one place an order is checked: the owner first, then every field, all wrong fields in one answer. */
    private Request read(WithdrawMoney order) {
        PayoutOwner owner = order.owner();
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
            String currency = order.currency();
            money = amounts.positive(order.amount(), currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (BusinessException e) {
            errors.addAll(e.fieldErrors());
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
        }
        Iban parsed = Iban.tryParse(order.iban()).orElse(null);
        if (parsed == null) {
            errors.add(new FieldError("iban", "iban_invalid"));
        }
        String holder = order.accountHolder() == null ? "" : order.accountHolder().strip().replaceAll("\\s+", " ");
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
                && ibans.open(earlier).equals(request.iban().value());
        if (!same) {
            throw new BusinessException("idempotency_conflict");
        }
        // A crash between the row and its hold: the repeated request finishes the job.
        return view(steps.hold(earlier), true);
    }

    private Payout owned(PayoutOwner owner, String payoutId) {
        return records.byPublicId(payoutId).filter(p -> p.ownedBy(owner.type(), owner.id()))
                .orElseThrow(BusinessException::notFound);
    }

    private PayoutView view(Payout payout, boolean replayed) {
        return PayoutView.of(payout, currencies.exponent(payout.currency()), replayed);
    }
}
