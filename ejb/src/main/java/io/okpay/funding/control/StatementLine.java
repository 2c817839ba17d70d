package io.okpay.funding.control;

import io.okpay.shared.Money;

import java.time.LocalDate;

/**
 * One booked movement on OKPay's bank account, as the bank reported it.
 *
 * @param position    where it is in the file (CSV: the line number; camt.053: the entry's number), for messages
 * @param amount      positive; {@code direction} says which way it went
 * @param reference   the remittance information the payer wrote (where a top-up reference is looked for); may be empty
 * @param counterparty the payer's (credit) or payee's (debit) name; may be empty
 * @param bankEntryId the bank's own unique id of the entry: importing it twice must credit nothing twice
 */
public record StatementLine(int position, LocalDate bookingDate, Money amount, Direction direction, String reference,
                            String counterparty, String bankEntryId) {

    public enum Direction {
        CREDIT,
        DEBIT
    }
}
