package io.okpay.transfer.boundary;

import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.shared.persistence.WriteConflict;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.PublicIds;
import io.okpay.shared.TimeZones;
import io.okpay.transfer.control.TransferRecords;
import io.okpay.transfer.control.TransferRules;
import io.okpay.transfer.entity.Transfer;
import io.okpay.transfer.entity.TransferStatus;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sending money to another OKPay user. {@link #quote} checks everything that can be checked before money moves and
 * names the recipient as registered, for the confirmation step; {@link #send} moves it.
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
    /** Escrow to the person who claimed it with the invited address. */
    static final String CLAIM_CODE = "p2p_claim";
    /** Escrow back to the sender: the claim period ended, or the sender cancelled. */
    static final String RETURN_CODE = "p2p_return";
    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());

    @EJB
    Users users;

    @EJB
    StepUp stepUp;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    TransferRecords records;

    @Inject
    TransferRules rules;

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
    public TransferQuote quote(String senderId, String to, String amount, String currency, String note) {
        Request request = read(senderId, to, amount, currency, note);
        fundedWallet(request);
        return quote(request);
    }

    /**
     * Moves the money. When the quote needs a step-up and no code is given, e-mails one and throws
     * {@link StepUpRequired}; the same request again with {@code challengeId} and {@code code} goes through.
     * The same key with the same request returns the first transfer; with another request it is idempotency_conflict.
     */
    public TransferView send(String senderId, String idempotencyKey, String to, String amount, String currency,
                             String note, String challengeId, String code) {
        String key = TransferRules.idempotencyKey(idempotencyKey);
        Request request = read(senderId, to, amount, currency, note);
        var earlier = records.byKey(senderId, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        AccountSnapshot from = fundedWallet(request);
        TransferQuote quote = quote(request);
        if (quote.stepUpRequired()) {
            if (challengeId == null || challengeId.isBlank()) {
                throw new StepUpRequired(stepUp.begin(senderId, STEP_UP_ACTION));
            }
            stepUp.verify(senderId, challengeId, STEP_UP_ACTION, code);
        }
        UserView sender = request.sender();
        Money money = quote.amount();
        String shownNote = quote.note() == null ? "-" : quote.note();
        String senderAmount = MoneyFormat.format(money, sender.locale());
        PostingRequest posting;
        Function<PostedTransaction, Transfer> rowOf;
        if (request.toEscrow()) {
            // Nobody to address in their own language yet: the invitation goes out in the sender's.
            AccountSnapshot escrow = accounts.house(Purpose.ESCROW, money.currency());
            posting = new PostingRequest(scope(sender.id()), key, LEDGER_CODE, null, quote.note(),
                    List.of(Line.debit(from.id(), money), Line.credit(escrow.id(), money)), null, List.of(
                    mail(sender.email(), sender.locale(), "transfer-escrowed", sender.displayName(), senderAmount,
                            request.recipientEmail(), Integer.toString(claimDays), shownNote),
                    mail(request.recipientEmail(), sender.locale(), "transfer-invite", sender.displayName(),
                            sender.email(), senderAmount, signUpLink(), Integer.toString(claimDays), shownNote)));
            rowOf = posted -> Transfer.toEscrow(PublicIds.newId("tr"), sender.id(), request.recipientEmail(),
                    money.minor(), money.currency(), quote.note(), posted.id(), key, posted.createdAt(),
                    posted.createdAt().plus(Duration.ofDays(claimDays)));
        } else {
            // The receipts say when, each in its reader's own time zone (to the minute: the posting follows at once).
            Instant now = Instant.now();
            UserView recipient = request.recipient();
            AccountSnapshot into = accounts.wallet(OwnerType.USER, recipient.id(), money.currency());
            posting = new PostingRequest(scope(sender.id()), key, LEDGER_CODE, null, quote.note(),
                    List.of(Line.debit(from.id(), money), Line.credit(into.id(), money)), null, List.of(
                    mail(sender.email(), sender.locale(), "transfer-sent", sender.displayName(), senderAmount,
                            recipient.displayName(), recipient.email(), shownNote,
                            TimeZones.format(now, sender.timeZone(), sender.locale())),
                    mail(recipient.email(), recipient.locale(), "transfer-received", recipient.displayName(),
                            MoneyFormat.format(money, recipient.locale()), sender.displayName(), sender.email(), shownNote,
                            TimeZones.format(now, recipient.timeZone(), recipient.locale()))));
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
        return view(transfer, money.exponent(), posted.replayed(), request);
    }

    /** A transfer the user sent or received; 404 for anyone else's, as for one that does not exist. */
    public TransferView find(String userId, String transferId) {
        Transfer transfer = em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class)
                .setParameter("id", transferId == null ? "" : transferId)
                .getResultStream().findFirst()
                .filter(t -> t.involves(userId))
                .orElseThrow(BusinessException::notFound);
        return view(transfer, exponentOf(transfer), false);
    }

    /** Sent and received, newest first; {@code startingAfter} is the id of the last transfer of the previous page. */
    public TransferPage list(String userId, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            Transfer cursor = em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class).setParameter("id", startingAfter)
                    .getResultStream().findFirst()
                    .filter(t -> t.involves(userId))
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
            before = cursor.id();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Transfer> rows = em.createNamedQuery(Transfer.OF_USER, Transfer.class)
                .setParameter("userId", userId).setParameter("before", before)
                .setMaxResults(size + 1).getResultList();
        List<TransferView> page = rows.stream().limit(size).map(t -> view(t, exponentOf(t), false)).toList();
        return new TransferPage(page, rows.size() > size);
    }

    /** What the sender sent to addresses without an account that is still waiting to be claimed, newest first. */
    public List<TransferView> waitingForClaim(String senderId) {
        return em.createNamedQuery(Transfer.WAITING_OF_SENDER, Transfer.class).setParameter("senderId", senderId)
                .setMaxResults(20).getResultStream().map(t -> view(t, exponentOf(t), false)).toList();
    }

    /** The sender takes back a transfer still waiting in escrow; both the sender and the invitee are told. */
    public TransferView cancel(String userId, String transferId) {
        Transfer transfer = em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class)
                .setParameter("id", transferId == null ? "" : transferId).getResultStream().findFirst()
                .filter(t -> t.involves(userId)).orElseThrow(BusinessException::notFound);
        if (!transfer.senderId().equals(userId) || !records.beginSettlement(transfer.id(), TransferStatus.CANCELLING, null)) {
            throw new BusinessException("transfer_not_cancellable");
        }
        settle(transfer.id());
        Transfer settled = records.byId(transfer.id()).orElseThrow();
        return view(settled, exponentOf(settled), false);
    }

    /**
     * The escrow job: hands waiting transfers to whoever signed up with the address and confirmed it, returns those
     * whose claim period ended, and finishes settlements a crash interrupted. Safe on several instances at once: a
     * settlement belongs to whoever moved the row out of PENDING_CLAIM, and its posting is keyed by the transfer.
     * Returns how many transfers were settled.
     */
    public int settleDue(Instant now) {
        int settled = 0;
        for (Transfer transfer : records.unsettled()) {
            try {
                if (transfer.status() == TransferStatus.PENDING_CLAIM) {
                    if (!transfer.claimUntil().isAfter(now)) {
                        if (!records.beginSettlement(transfer.id(), TransferStatus.RETURNING, null)) {
                            continue;
                        }
                    } else {
                        var claimer = users.findByEmailOrUsername(transfer.recipientEmail()).filter(UserView::emailVerified);
                        if (claimer.isEmpty() || !records.beginSettlement(transfer.id(), TransferStatus.CLAIMING, claimer.get().id())) {
                            continue;
                        }
                    }
                }
                settle(transfer.id());
                settled++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Escrow settlement of " + transfer.publicId() + " failed; the next run tries again", e);
            }
        }
        return settled;
    }

    /** Posts the settlement the row is in (CLAIMING, RETURNING or CANCELLING) and marks it done. */
    private void settle(long id) {
        Transfer transfer = records.byId(id).orElseThrow();
        TransferStatus during = transfer.status();
        Money money = new Money(transfer.amount(), transfer.currency(), exponentOf(transfer));
        UserView sender = users.require(transfer.senderId());
        String note = transfer.note() == null ? "-" : transfer.note();
        String senderAmount = MoneyFormat.format(money, sender.locale());
        AccountSnapshot escrow = accounts.house(Purpose.ESCROW, money.currency());
        String code;
        long into;
        List<PostingRequest.Effect> mails;
        if (during == TransferStatus.CLAIMING) {
            UserView recipient = users.require(transfer.recipientId());
            code = CLAIM_CODE;
            into = accounts.wallet(OwnerType.USER, recipient.id(), money.currency()).id();
            mails = List.of(
                    mail(recipient.email(), recipient.locale(), "transfer-received", recipient.displayName(),
                            MoneyFormat.format(money, recipient.locale()), sender.displayName(), sender.email(), note),
                    mail(sender.email(), sender.locale(), "transfer-claimed", sender.displayName(), senderAmount,
                            recipient.displayName(), recipient.email()));
        } else {
            code = RETURN_CODE;
            into = accounts.wallet(OwnerType.USER, sender.id(), money.currency()).id();
            mails = List.of(
                    mail(sender.email(), sender.locale(), during == TransferStatus.CANCELLING ? "transfer-cancelled" : "transfer-returned",
                            sender.displayName(), senderAmount, transfer.recipientEmail()),
                    mail(transfer.recipientEmail(), sender.locale(), "transfer-invite-withdrawn", sender.displayName(),
                            senderAmount));
        }
        PostedTransaction posted = ledger.post(new PostingRequest("transfer-escrow", "settle:" + transfer.publicId(), code,
                transfer.publicId(), transfer.note(), List.of(Line.debit(escrow.id(), money), Line.credit(into, money)),
                null, mails));
        records.finishSettlement(id, during, posted.id(), posted.createdAt());
    }

    /**
     * A transfer as asked for, read and checked except for the balance. {@code recipient} is null for an e-mail
     * address without an account (the money goes to escrow); {@code recipientEmail} is always set.
     */
    private record Request(UserView sender, UserView recipient, String recipientEmail, Money amount, String note) {

        boolean toEscrow() {
            return recipient == null;
        }
    }

    private Request read(String senderId, String to, String amount, String currency, String note) {
        UserView sender = users.require(senderId);
        if (!sender.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        String kept = TransferRules.note(note);
        Money money = amounts.positive(amount, currency);
        if (to == null || to.isBlank()) {
            throw BusinessException.invalid(List.of(new FieldError("to", "recipient_required")));
        }
        var recipient = users.findByEmailOrUsername(to);
        if (recipient.isEmpty()) {
            if (!TransferRules.isEmailAddress(to)) {
                throw BusinessException.invalid(List.of(new FieldError("to", "recipient_unknown")));
            }
            return new Request(sender, null, to.strip().toLowerCase(Locale.ROOT), money, kept);
        }
        if (recipient.get().id().equals(sender.id())) {
            throw BusinessException.invalid(List.of(new FieldError("to", "recipient_self")));
        }
        return new Request(sender, recipient.get(), recipient.get().email(), money, kept);
    }

    /** The quote of a request whose sender's wallet was checked ({@link #fundedWallet}). */
    private TransferQuote quote(Request request) {
        Money money = request.amount();
        // A large amount needs a code whoever receives it: then there is no need to ask whether the pair is new.
        boolean stepUp = rules.aboveStepUpThreshold(money) || request.toEscrow()
                || em.createNamedQuery(Transfer.ANY_BETWEEN, Long.class)
                .setParameter("senderId", request.sender().id()).setParameter("recipientId", request.recipient().id())
                .setMaxResults(1).getResultList().isEmpty();
        Money fee = Money.zero(money.currency(), money.exponent());
        UserView recipient = request.recipient();
        return new TransferQuote(recipient == null ? null : recipient.id(), recipient == null ? null : recipient.displayName(),
                request.recipientEmail(), money, fee, money.plus(fee), request.note(), stepUp,
                request.toEscrow() ? claimDays : 0);
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
        return view(earlier, request.amount().exponent(), true, request);
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

    private int exponentOf(Transfer transfer) {
        return currencies.find(transfer.currency()).map(Currency::exponent).orElseThrow(
                () -> new IllegalStateException("a transfer in an unknown currency: " + transfer.currency()));
    }

    private TransferView view(Transfer transfer, int exponent, boolean replayed) {
        return view(transfer, exponent, replayed, users.require(transfer.senderId()),
                transfer.recipientId() == null ? null : users.require(transfer.recipientId()));
    }

    /** The view of a transfer just sent, with the people the request already read. */
    private TransferView view(Transfer transfer, int exponent, boolean replayed, Request request) {
        boolean sameRecipient = request.recipient() != null && request.recipient().id().equals(transfer.recipientId());
        return view(transfer, exponent, replayed, request.sender(), sameRecipient ? request.recipient()
                : transfer.recipientId() == null ? null : users.require(transfer.recipientId()));
    }

    private TransferView view(Transfer transfer, int exponent, boolean replayed, UserView sender, UserView recipientUser) {
        TransferView.Party recipient = recipientUser == null
                ? new TransferView.Party(null, null, transfer.recipientEmail())
                : party(recipientUser);
        return new TransferView(transfer.publicId(), transfer.status(), party(sender), recipient,
                new Money(transfer.amount(), transfer.currency(), exponent), transfer.note(), transfer.transactionId(),
                transfer.createdAt(), transfer.claimUntil(), replayed);
    }

    private static TransferView.Party party(UserView user) {
        return new TransferView.Party(user.id(), user.displayName(), user.email());
    }

    static String scope(String senderId) {
        return "transfer:" + senderId;
    }

    static PostingRequest.Effect mail(String to, Locale locale, String template, String... args) {
        return new PostingRequest.Effect(Mail.EVENT_TYPE, Mail.payload(to, locale, template, args));
    }

    private String signUpLink() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/signup.xhtml";
    }
}
