package io.okpay.transfer.boundary;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.transfer.control.TransferRecords;
import io.okpay.transfer.control.TransferViews;
import io.okpay.transfer.entity.Transfer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.okpay.ledger.boundary.PostingRequest.Effect.mail;

/**
 * Money sent to an e-mail address without an account ({@link Transfers#send}) waits in the house's escrow account
 * until someone signs up with that address and confirms it (the claim: the money goes to them), the claim period
 * ends (it goes back to the sender), or the sender cancels (back too). Each settlement is one posting out of escrow
 * with the e-mails that tell sender and invitee, keyed by the transfer, so a settlement runs at most once.
 * <p>
 * No transaction of its own, like {@link Transfers}: a settlement first moves the row out of PENDING_CLAIM in its own
 * short transaction (whoever does so owns it), then posts, then marks the row done.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Escrow {

    /** Escrow to the person who claimed it with the invited address. */
    static final String CLAIM_CODE = "p2p_claim";
    /** Escrow back to the sender: the claim period ended, or the sender cancelled. */
    static final String RETURN_CODE = "p2p_return";
    private static final String SCOPE = "transfer-escrow";
    private static final Logger LOG = Logger.getLogger(Escrow.class.getName());

    @EJB
    Users users;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    TransferRecords records;

    @Inject
    TransferViews views;

    /** What the sender sent to addresses without an account that is still waiting to be claimed, newest first. */
    public List<TransferView> waitingForClaim(String senderId) {
        return records.waitingOf(senderId, 20).stream().map(views::view).toList();
    }

    /** The sender takes back a transfer still waiting in escrow; both the sender and the invitee are told. */
    public TransferView cancel(String userId, String transferId) {
        Transfer transfer = records.involving(userId, transferId).orElseThrow(BusinessException::notFound);
        if (!transfer.senderId().equals(userId) || !records.beginSettlement(transfer.id(), TransferStatus.CANCELLING, null)) {
            throw new BusinessException("transfer_not_cancellable");
        }
        settle(transfer.id());
        return views.view(records.byId(transfer.id()).orElseThrow());
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
        Money money = views.amount(transfer);
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
        PostedTransaction posted = ledger.post(PostingRequest.of(SCOPE, "settle:" + transfer.publicId(), code,
                        Line.debit(escrow.id(), money), Line.credit(into, money))
                .withExternalRef(transfer.publicId())
                .withMemo(transfer.note())
                .withEffects(mails));
        records.finishSettlement(id, during, posted.id(), posted.createdAt());
    }
}
