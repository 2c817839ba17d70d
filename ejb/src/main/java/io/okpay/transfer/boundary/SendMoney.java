package io.okpay.transfer.boundary;

/**
 * What a sender asks for, as it arrives from the form or the API body: nothing in it is checked yet. {@link Transfers}
 * reads it in one place, field by field, with the same codes as always: "to" (recipient_required,
 * recipient_unknown, recipient_self), "amount" and "currency" (as every amount), "note" (note_too_long).
 *
 * @param senderId the signed-in person (usr_...)
 * @param to       the recipient's e-mail address or username; an address without an account means escrow
 * @param amount   a decimal string in the currency's minor unit ("12.50")
 * @param note     optional, up to 140 characters
 */
public record SendMoney(String senderId, String to, String amount, String currency, String note) {
}
