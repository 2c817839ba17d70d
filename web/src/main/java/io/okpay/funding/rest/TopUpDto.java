package io.okpay.funding.rest;

import io.okpay.funding.boundary.TopUpView;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.shared.Messages;

import java.util.Locale;

/**
 * A top-up in the API. {@code next_action} is set while the card issuer waits for the person's one-time code
 * ({@code POST /topups/{id}/challenge}); {@code failure_code} when it failed; {@code transaction_id} once credited.
 */
public record TopUpDto(String id, String method, String status, String amount, String fee, String total,
                       String currency, CardDto card, BankTransferDto bank_transfer, NextAction next_action,
                       String failure_code, String transaction_id, String created) {

    /** What OKPay keeps of the card. */
    public record CardDto(String brand, String last4, int exp_month, int exp_year) {
    }

    /** Where to send the total, with which reference written on the transfer, until when. */
    public record BankTransferDto(String reference, String expires_at, String account_name, String iban, String bic,
                                  String bank_name) {
    }

    /** What the person must do before the top-up can go on, in their language. */
    public record NextAction(String type, String message) {
    }

    static TopUpDto of(TopUpView view, Locale locale, ReceivingAccount bank) {
        CardDto card = view.card() == null ? null
                : new CardDto(view.card().brand(), view.card().lastFour(), view.card().expMonth(), view.card().expYear());
        NextAction next = view.status() == TopUpStatus.REQUIRES_ACTION
                ? new NextAction("one_time_code", Messages.get(locale, "topup.challenge.lead"))
                : null;
        BankTransferDto transfer = view.reference() == null ? null : new BankTransferDto(view.reference(),
                view.expiresAt().toString(), bank.accountName(), bank.iban(), bank.bic(), bank.bankName());
        return new TopUpDto(view.id(), view.method().wireName(), view.status().wireName(), view.amount().toDecimal(),
                view.fee().toDecimal(), view.total().toDecimal(), view.amount().currency(), card, transfer, next,
                view.failureCode(), view.transactionId(), view.createdAt().toString());
    }
}
