package io.okpay.payout.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.Operation;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.payout.control.Iban;
import io.okpay.payout.control.PayoutBankAccounts;
import io.okpay.payout.control.PayoutIbans;
import io.okpay.payout.control.PayoutRecords;
import io.okpay.payout.control.PayoutSteps;
import io.okpay.payout.entity.Payout;
import io.okpay.risk.boundary.RiskCheck;
import io.okpay.risk.boundary.RiskKind;
import io.okpay.risk.boundary.RiskReason;
import io.okpay.risk.boundary.RiskRules;
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
import java.util.function.Consumer;

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

    /** The step-up action a payout's code is issued for. */
    public static final String STEP_UP_ACTION = "withdraw";
    private static final int HOLDER_MAX_LENGTH = 70;
    private static final Duration NEW_BANK_ACCOUNT = Duration.ofHours(24);
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
    PayoutBankAccounts bankAccounts;

    @EJB
    StepUp stepUp;

    @EJB
    RiskRules risk;

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
     * Holds amount + fee and records the payout as pending, once the account owner approved it with a code bound to
     * this amount, currency and bank account (for a merchant: the merchant's owner, on the dashboard). Without
     * {@code approval} a code is sent and {@link StepUpRequired} thrown; the same order again with the approval goes
     * through, and the bank account counts as confirmed from then on. The same key with the same order returns the
     * first payout (marked replayed, no code needed); with another order it is idempotency_conflict (409).
     */
    public PayoutView request(String idempotencyKey, WithdrawMoney order, PayoutApproval approval) {
        return request(idempotencyKey, order, request -> approve(request, approval));
    }

    /**
     * A payout a merchant's API key asks for: a key cannot answer a code, so it may pay out only to a bank account
     * the merchant's owner approved a payout to with a code on the dashboard; any other is payout_iban_unconfirmed
     * (403).
     */
    public PayoutView requestByKey(String idempotencyKey, WithdrawMoney order) {
        if (order.owner().type() != OwnerType.MERCHANT) {
            throw new IllegalArgumentException("only merchants have API keys");
        }
        return request(idempotencyKey, order, request -> {
            if (bankAccounts.confirmedAt(OwnerType.MERCHANT, request.owner().id(), request.iban()).isEmpty()) {
                throw new BusinessException("payout_iban_unconfirmed");
            }
        });
    }

    /**
     * A confirmation page asks for the code before the owner confirms: records why (the risk decision) and sends a
     * code bound to this order's amount and bank account to the account owner; returns the challenge id.
     */
    public String askCode(WithdrawMoney order) {
        Request request = read(order);
        String approver = approver(request.owner());
        risk.decide(riskCheck(request, approver));
        return stepUp.begin(approver, operation(request));
    }

    /** The operation a code for this order approves, for a page's "send the code again". */
    public Operation operation(WithdrawMoney order) {
        return operation(read(order));
    }

    private PayoutView request(String idempotencyKey, WithdrawMoney order, Consumer<Request> approved) {
        String key = IdempotencyKey.of(idempotencyKey);
        Request request = read(order);
        PayoutOwner owner = request.owner();
        var earlier = records.byKey(owner.type(), owner.id(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        PayoutQuote quote = quote(request);
        approved.accept(request);
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

    /** Every payout is approved by the account owner's code, bound to it; then its bank account counts as confirmed. */
    private void approve(Request request, PayoutApproval approval) {
        String approver = approver(request.owner());
        Operation operation = operation(request);
        if (approval == null || !approval.given()) {
            risk.decide(riskCheck(request, approver));
            throw new StepUpRequired(stepUp.begin(approver, operation));
        }
        stepUp.verify(approver, approval.challengeId(), operation, approval.code());
        bankAccounts.confirmed(request.owner().type(), request.owner().id(), request.iban(), approver);
    }

    /** Who approves a payout with a code: the person, or the person who owns the merchant. */
    private String approver(PayoutOwner owner) {
        return owner.type() == OwnerType.USER ? owner.id() : merchants.require(owner.id()).ownerId();
    }

    /** The risk rules' view of a payout: always a code; the reasons say whether the bank account is new. */
    private RiskCheck riskCheck(Request request, String approver) {
        Set<RiskReason> signals = EnumSet.noneOf(RiskReason.class);
        var confirmed = bankAccounts.confirmedAt(request.owner().type(), request.owner().id(), request.iban());
        if (confirmed.isEmpty()) {
            signals.add(RiskReason.FIRST_PAYOUT_TO_IBAN);
        } else if (confirmed.get().isAfter(Instant.now().minus(NEW_BANK_ACCOUNT))) {
            signals.add(RiskReason.IBAN_ADDED_RECENTLY);
        }
        return new RiskCheck(approver, RiskKind.WITHDRAW, request.amount(), signals);
    }

    /** What a payout's code approves: this amount to this bank account and holder (shown masked in the message). */
    private static Operation operation(Request request) {
        Iban iban = request.iban();
        return new Operation(STEP_UP_ACTION, request.amount(),
                request.accountHolder() + ", " + iban.country() + " " + Iban.masked(iban.last4()),
                iban.value() + "|" + request.accountHolder());
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
