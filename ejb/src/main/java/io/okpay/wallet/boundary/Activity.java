package io.okpay.wallet.boundary;

import io.okpay.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * A page of a person's history across their wallets, newest first. {@code nextCursor} (null on the last page) is
 * passed back as {@code before} for the next page; it is an entry's position in the ledger, so pages stay stable while
 * new entries arrive.
 */
public record Activity(List<Item> items, Long nextCursor) {

    /**
     * One movement on one wallet: {@code change} is positive when money came in, {@code balanceAfter} the wallet's
     * balance right after it (the running balance per currency); {@code code} says why (p2p_transfer, topup ...);
     * {@code transferId} is set for transfers; {@code counterparty} is the other side as this person sees it (the other
     * person of a transfer, the shop of a payment or refund); {@code note} is the transaction's memo (a transfer's
     * note, a top-up's method), or what the shop wrote (the order's description, a refund's reason); {@code order} the
     * shop's order reference; {@code reference} the id of what caused it when known here (tr_..., pay_..., re_...);
     * {@code fee} what this person paid OKPay in this currency (zero when nothing; another party's fee is not theirs).
     */
    public record Item(String transactionId, String code, Money change, Money balanceAfter, Instant createdAt,
                       String transferId, String counterparty, String note, String order, String reference, Money fee) {

        public String currency() {
            return change.currency();
        }

        public boolean incoming() {
            return change.isPositive();
        }
    }
}
