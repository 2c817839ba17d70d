package io.okpay.payout.boundary;

/**
 * What an owner asks to withdraw, as it arrives from the form or the API body: nothing in it is checked yet.
 * {@link Payouts} reads it in one place and answers every wrong field at once: "amount" and "currency" (as every
 * amount), "iban" (iban_invalid), "account_holder" (account_holder_invalid).
 *
 * @param owner         whose money: a person's wallet or a merchant's account
 * @param amount        a decimal string in the currency's minor unit ("250.00"); the fee comes on top
 * @param iban          the bank account to pay into, spaces allowed
 * @param accountHolder the name on that account, up to 70 characters
 */
public record WithdrawMoney(PayoutOwner owner, String amount, String currency, String iban, String accountHolder) {
}
