package io.okpay.transfer.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.identity.boundary.Operation;
import io.okpay.identity.boundary.RecentUsers;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.identity.boundary.UserView;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.risk.boundary.RiskCheck;
import io.okpay.risk.boundary.RiskKind;
import io.okpay.risk.boundary.RiskReason;
import io.okpay.risk.boundary.RiskRules;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.EmailAddress;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.PublicIds;
import io.okpay.shared.TimeZones;
import io.okpay.shared.persistence.WriteConflict;
import io.okpay.transfer.control.KnownPairs;
import io.okpay.transfer.control.TransferRecords;
import io.okpay.transfer.control.TransferRules;
import io.okpay.transfer.control.TransferViews;
import io.okpay.transfer.entity.Transfer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static io.okpay.ledger.boundary.PostingRequest.Effect.mail;

/**
 * Sending money to another OKPay user, or to an e-mail address without an account (then the money waits in escrow:
 * {@link Escrow} settles it). {@link #quote} checks everything that can be checked before money moves and names the
 * recipient as registered, for the confirmation step; {@link #send} moves it.
 * <p>
 * No transaction of its own: the ledger posts in its own transaction (and may run it again after a deadlock), and
 * the transfer row is written inside that same transaction (see {@link Ledger#post(PostingRequest, Function)}), so
 * the money, the two e-mails and the row commit together, with one durable commit. The posting is idempotent under
 * the sender's scope and the client's key, and everything in it (lines, memo, the two e-mails as effects) follows from
 * the request alone, so a replay or a concurrent duplicate gets the same posting and finds its row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Transfers {

    /** The step-up action a transfer's one-time code is issued for. */
    public static final String STEP_UP_ACTION = "send-money";
    static final String LEDGER_CODE = "p2p_transfer";

    /** Sender and recipient as read within seconds: the ledger checks what matters for money under its locks. */
    @Inject
    RecentUsers users;

    @EJB
    StepUp stepUp;

    @EJB
    RiskRules risk;

    @EJB
    Amounts amounts;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    TransferRecords records;

    @Inject
    TransferRules rules;

    @Inject
    TransferViews views;

    @Inject
    KnownPairs knownPairs;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "okpay.transfer.claim-days", defaultValue = "14")
    int claimDays;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    /**
     * Checks a transfer without moving money: the sender's e-mail is verified, the recipient is someone else with an
     * account (or an e-mail address to invite: escrow), the amount and the note are valid, the sender's wallet is
     * active and its available balance covers the amount (at this moment). Field errors name "to", "amount",
     * "currency", "note".
     */
    public TransferQuote quote(SendMoney order) {
        Request request = read(order);
        fundedWallet(request);
        return quote(request);
    }

    /**
     * Moves the money. When the quote needs a step-up and no code is given, e-mails one and throws
     * {@link StepUpRequired}; the same order again with the {@code answer} to that challenge goes through.
     * The same key with the same order returns the first transfer; with another order it is idempotency_conflict.
     */
    public TransferView send(String idempotencyKey, SendMoney order, StepUpAnswer answer) {
        String key = IdempotencyKey.of(idempotencyKey);
        Request request = read(order);
        var earlier = records.byKey(order.senderId(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        TransferQuote quote = quote(request);
        UserView sender = request.sender();
        if (quote.stepUpRequired()) {
            // Before a code is sent: spares the sender a code for a transfer the ledger would refuse.
            fundedWallet(request);
            // The code approves this amount to this recipient only (dynamic linking).
            Operation operation = operation(request);
            if (answer == null || !answer.given()) {
                risk.decide(riskCheck(request));
                throw new StepUpRequired(stepUp.begin(order.senderId(), operation));
            }
            stepUp.verify(order.senderId(), answer.challengeId(), operation, answer.code());
        }
        Money money = quote.amount();
        // Only the id: the ledger reads balance and status under its lock (insufficient_funds, account_frozen ...).
        long from = accounts.existingAccountId(OwnerType.USER, sender.id(), Purpose.WALLET, money.currency())
                .orElseThrow(() -> new BusinessException("insufficient_funds"));
        String shownNote = quote.note() == null ? "-" : quote.note();
        String senderAmount = MoneyFormat.format(money, sender.locale());
        PostingRequest posting;
        Function<PostedTransaction, Transfer> rowOf;
        if (request.toEscrow()) {
            // Nobody to address in their own language yet: the invitation goes out in the sender's.
            AccountSnapshot escrow = accounts.house(Purpose.ESCROW, money.currency());
            posting = PostingRequest.of(scope(sender.id()), key, LEDGER_CODE,
                            Line.debit(from, money), Line.credit(escrow.id(), money))
                    .withMemo(quote.note())
                    .withEffects(
                            mail(sender.email(), sender.locale(), "transfer-escrowed", sender.displayName(), senderAmount,
                                    request.recipientEmail(), Integer.toString(claimDays), shownNote),
                            mail(request.recipientEmail(), sender.locale(), "transfer-invite", sender.displayName(),
                                    sender.email(), senderAmount, signUpLink(), Integer.toString(claimDays), shownNote));
            rowOf = posted -> Transfer.toEscrow(PublicIds.newId("tr"), sender.id(), request.recipientEmail(),
                    money.minor(), money.currency(), quote.note(), posted.id(), key, posted.createdAt(),
                    posted.createdAt().plus(Duration.ofDays(claimDays)));
        } else {
            // The receipts say when, each in its reader's own time zone (to the minute: the posting follows at once).
            Instant now = Instant.now();
            UserView recipient = request.recipient();
            long into = accounts.accountId(OwnerType.USER, recipient.id(), Purpose.WALLET, money.currency());
            posting = PostingRequest.of(scope(sender.id()), key, LEDGER_CODE,
                            Line.debit(from, money), Line.credit(into, money))
                    .withMemo(quote.note())
                    .withEffects(
                            mail(sender.email(), sender.locale(), "transfer-sent", sender.displayName(), senderAmount,
                                    recipient.displayName(), recipient.email(), shownNote,
                                    TimeZones.format(now, sender.timeZone(), sender.locale())),
                            mail(recipient.email(), recipient.locale(), "transfer-received", recipient.displayName(),
                                    MoneyFormat.format(money, recipient.locale()), sender.displayName(), sender.email(),
                                    shownNote, TimeZones.format(now, recipient.timeZone(), recipient.locale())));
            rowOf = posted -> new Transfer(PublicIds.newId("tr"), sender.id(), recipient.id(), money.minor(),
                    money.currency(), quote.note(), TransferStatus.COMPLETED, posted.id(), key, posted.createdAt());
        }
        // The row goes into the posting's own transaction; the ledger may build it more than once (deadlock retry),
        // and the last one built is the one that committed.
        var written = new AtomicReference<Transfer>();
        PostedTransaction posted = ledger.post(posting, p -> {
            Transfer row = rowOf.apply(p);
            written.set(row);
            return row;
        });
        Transfer transfer = posted.replayed() ? recorded(posted, rowOf.apply(posted)) : written.get();
        return view(transfer, posted.replayed(), request);
    }

    /** A transfer the user sent or received; 404 for anyone else's, as for one that does not exist. */
    public TransferView find(String userId, String transferId) {
        return views.view(records.involving(userId, transferId).orElseThrow(BusinessException::notFound));
    }

    /** Sent and received, newest first; {@code startingAfter} is the id of the last transfer of the previous page. */
    public TransferPage list(String userId, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.involving(userId, startingAfter)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))))
                    .id();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Transfer> rows = em.createNamedQuery(Transfer.OF_USER, Transfer.class)
                .setParameter("userId", userId).setParameter("before", before)
                .setMaxResults(size + 1).getResultList();
        List<TransferView> page = rows.stream().limit(size).map(views::view).toList();
        return new TransferPage(page, rows.size() > size);
    }

    /**
     * An order as asked for, read and checked except for the balance. {@code recipient} is null for an e-mail
     * address without an account (the money goes to escrow); {@code recipientEmail} is always set.
     */
    private record Request(UserView sender, UserView recipient, String recipientEmail, Money amount, String note) {

        boolean toEscrow() {
            return recipient == null;
        }
    }

    /** The one place an order is checked: the sender first, then the note, the amount and the recipient. */
    private Request read(SendMoney order) {
        UserView sender = users.require(order.senderId());
        if (!sender.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        String kept = TransferRules.note(order.note());
        Money money = amounts.positive(order.amount(), order.currency());
        String to = order.to();
        if (to == null || to.isBlank()) {
            throw BusinessException.invalid(List.of(new FieldError("to", "recipient_required")));
        }
        var recipient = users.findByEmailOrUsername(to);
        if (recipient.isEmpty()) {
            EmailAddress invited = EmailAddress.parse(to).orElseThrow(() -> BusinessException.invalid(
                    List.of(new FieldError("to", "recipient_unknown"))));
            return new Request(sender, null, invited.value(), money, kept);
        }
        if (recipient.get().id().equals(sender.id())) {
            throw BusinessException.invalid(List.of(new FieldError("to", "recipient_self")));
        }
        return new Request(sender, recipient.get(), recipient.get().email(), money, kept);
    }

    /** The quote of a request whose sender's wallet was checked ({@link #fundedWallet}). */
    private TransferQuote quote(Request request) {
        Money money = request.amount();
        boolean stepUp = risk.assess(riskCheck(request)).codeRequired();
        Money fee = Money.zero(money.currency(), money.exponent());
        UserView recipient = request.recipient();
        return new TransferQuote(recipient == null ? null : recipient.id(), recipient == null ? null : recipient.displayName(),
                request.recipientEmail(), money, fee, money.plus(fee), request.note(), stepUp,
                request.toEscrow() ? claimDays : 0);
    }

    /** What the risk rules weigh for a transfer: a large amount, a recipient without an account, or one new to the sender. */
    private RiskCheck riskCheck(Request request) {
        Money money = request.amount();
        Set<RiskReason> signals = EnumSet.noneOf(RiskReason.class);
        if (rules.aboveStepUpThreshold(money)) {
            signals.add(RiskReason.AMOUNT_ABOVE_THRESHOLD);
        }
        if (request.toEscrow()) {
            signals.add(RiskReason.UNKNOWN_RECIPIENT);
        } else if (signals.isEmpty() && !knownPairs.paidBefore(em, request.sender().id(), request.recipient().id())) {
            // A large amount needs a code whoever receives it: then there is no need to ask whether the pair is new.
            signals.add(RiskReason.NEW_RECIPIENT);
        }
        return new RiskCheck(request.sender().id(), RiskKind.SEND, money, signals);
    }

    /** The operation a transfer's code approves: this amount to this recipient's address. */
    private static Operation operation(Request request) {
        return Operation.of(STEP_UP_ACTION, request.amount(), request.recipientEmail());
    }

    /**
     * A confirmation page asks for the code before the person confirms: records why (the risk decision) and sends a
     * code bound to this order's amount and recipient; returns the challenge id.
     */
    public String askCode(SendMoney order) {
        Request request = read(order);
        risk.decide(riskCheck(request));
        return stepUp.begin(order.senderId(), operation(request));
    }

    /**
     * The operation a page's code for this order approves, for "send the code again" (a new challenge when the old
     * one is spent); the same checks as {@link #quote}.
     */
    public Operation operation(SendMoney order) {
        return operation(read(order));
    }

    /** The sender's wallet in the currency, if it is active and its available balance covers the amount (now). */
    private AccountSnapshot fundedWallet(Request request) {
        Money money = request.amount();
        // The ledger decides under its locks; this early look only spares the sender a code for a transfer it would refuse.
        var wallet = accounts.accountsOf(OwnerType.USER, request.sender().id(), Purpose.WALLET).stream()
                .filter(w -> w.currency().equals(money.currency())).findFirst();
        if (wallet.isPresent() && wallet.get().status() != AccountStatus.ACTIVE) {
            throw new BusinessException(wallet.get().status() == AccountStatus.FROZEN ? "account_frozen" : "account_closed");
        }
        if (wallet.map(AccountSnapshot::available).orElse(0L) < money.minor()) {
            throw new BusinessException("insufficient_funds");
        }
        return wallet.get();
    }

    private TransferView replay(Transfer earlier, Request request) {
        // A transfer into escrow names its recipient by address, also after someone claimed it with that address.
        boolean sameRecipient = earlier.recipientEmail() != null ? earlier.recipientEmail().equals(request.recipientEmail())
                : !request.toEscrow() && earlier.recipientId().equals(request.recipient().id());
        boolean same = sameRecipient && earlier.amount() == request.amount().minor()
                && earlier.currency().equals(request.amount().currency()) && Objects.equals(earlier.note(), request.note());
        if (!same) {
            throw new BusinessException("idempotency_conflict");
        }
        return view(earlier, true, request);
    }

    /**
     * The row of a replayed posting: written with it, or (for a posting made before rows went into the posting's
     * transaction, whose instance died in between) written now, or found when a concurrent replay wrote it first.
     */
    private Transfer recorded(PostedTransaction posted, Transfer fresh) {
        var existing = records.byTransaction(posted.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            records.insert(fresh);
            return fresh;
        } catch (WriteConflict lost) {
            return records.byTransaction(posted.id()).orElseThrow(() -> lost);
        }
    }

    /** The view of a transfer just sent, with the people the request already read. */
    private TransferView view(Transfer transfer, boolean replayed, Request request) {
        return views.view(transfer, replayed, request.sender(), views.recipient(transfer, request.recipient()));
    }

    static String scope(String senderId) {
        return "transfer:" + senderId;
    }

    private String signUpLink() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/signup.xhtml";
    }
}
