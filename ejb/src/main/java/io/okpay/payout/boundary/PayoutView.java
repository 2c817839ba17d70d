package io.okpay.payout.boundary;

import io.okpay.payout.control.Iban;
import io.okpay.payout.entity.Payout;
import io.okpay.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.Serializable;
import java.time.Instant;

/**
 * A payout as its owner, the pages and the operators see it. {@link #json()} is its API representation, also the
 * {@code data} of the payout.paid / payout.failed webhook events. The IBAN shows only its last four characters.
 */
public record PayoutView(String id, PayoutOwner owner, Money amount, Money fee, String ibanLast4, String accountHolder,
                         PayoutStatus status, String holdId, String transactionId, String failureReason,
                         Instant createdAt, Instant exportedAt, Instant settledAt, boolean replayed)
        implements Serializable {

    public static PayoutView of(Payout payout, int exponent, boolean replayed) {
        return new PayoutView(payout.publicId(), new PayoutOwner(payout.ownerType(), payout.ownerId()),
                new Money(payout.amount(), payout.currency(), exponent), new Money(payout.fee(), payout.currency(), exponent),
                payout.ibanLast4(), payout.accountHolder(), payout.status(), payout.holdId(),
                payout.settledTransactionId(), payout.failureReason(), payout.createdAt(), payout.exportedAt(),
                payout.settledAt(), replayed);
    }

    public Money total() {
        return amount.plus(fee);
    }

    public String ibanMasked() {
        return Iban.masked(ibanLast4);
    }

    /**
     * {"id", "object": "payout", "status", "amount", "fee", "total", "currency", "bank_account": {"iban_last4",
     * "account_holder"}, "merchant_id" (a merchant's payout), "failure_reason", "transaction_id" (once paid),
     * "created", "exported_at", "settled_at"}; absent values are left out.
     */
    public JsonObject json() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("object", "payout")
                .add("status", status.wireName())
                .add("amount", amount.toDecimal())
                .add("fee", fee.toDecimal())
                .add("total", total().toDecimal())
                .add("currency", amount.currency())
                .add("bank_account", Json.createObjectBuilder().add("iban_last4", ibanLast4)
                        .add("account_holder", accountHolder));
        if (owner.type() == io.okpay.ledger.boundary.OwnerType.MERCHANT) {
            json.add("merchant_id", owner.id());
        }
        if (failureReason != null) {
            json.add("failure_reason", failureReason);
        }
        if (transactionId != null) {
            json.add("transaction_id", transactionId);
        }
        json.add("created", createdAt.toString());
        if (exportedAt != null) {
            json.add("exported_at", exportedAt.toString());
        }
        if (settledAt != null) {
            json.add("settled_at", settledAt.toString());
        }
        return json.build();
    }
}
