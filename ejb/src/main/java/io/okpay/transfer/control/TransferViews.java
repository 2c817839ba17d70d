package io.okpay.transfer.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.Money;
import io.okpay.transfer.boundary.TransferView;
import io.okpay.transfer.entity.Transfer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns transfer rows into the views the boundaries hand out, naming sender and recipient as registered now. */
@ApplicationScoped
public class TransferViews {

    @EJB
    Users users;

    @Inject
    Currencies currencies;

    public Money amount(Transfer transfer) {
        return currencies.money(transfer.amount(), transfer.currency());
    }

    public TransferView view(Transfer transfer) {
        return view(transfer, false, users.require(transfer.senderId()),
                transfer.recipientId() == null ? null : users.require(transfer.recipientId()));
    }

    /**
     * The view of a transfer whose people the caller already read; {@code recipientUser} is null while the money
     * waits in escrow for an address without an account.
     */
    public TransferView view(Transfer transfer, boolean replayed, UserView sender, UserView recipientUser) {
        TransferView.Party recipient = recipientUser == null
                ? new TransferView.Party(null, null, transfer.recipientEmail())
                : party(recipientUser);
        return new TransferView(transfer.publicId(), transfer.status(), party(sender), recipient, amount(transfer),
                transfer.note(), transfer.transactionId(), transfer.createdAt(), transfer.claimUntil(), replayed);
    }

    /** Whoever the recipient of a transfer is now: the person the request read, or the one who claimed it since. */
    public UserView recipient(Transfer transfer, UserView known) {
        if (transfer.recipientId() == null) {
            return null;
        }
        return known != null && known.id().equals(transfer.recipientId()) ? known : users.require(transfer.recipientId());
    }

    private static TransferView.Party party(UserView user) {
        return new TransferView.Party(user.id(), user.displayName(), user.email());
    }
}
