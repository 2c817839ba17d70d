package io.okpay.wallet.boundary;

import io.okpay.shared.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One calendar month (UTC) of one wallet: the balance when it began, every entry in order, and the balance when it
 * ended (or now, for the current month). {@code moneyIn} and {@code moneyOut} are the sums of the credits and of the
 * debits, both positive. Always {@code opening + moneyIn - moneyOut = closing}: the constructor refuses anything else.
 */
public record Statement(YearMonth month, String currency, Instant from, Instant to, Money opening, List<Activity.Item> entries,
                        Money moneyIn, Money moneyOut, Money closing) {

    public Statement {
        entries = List.copyOf(entries);
        Money sum = opening;
        for (Activity.Item entry : entries) {
            sum = sum.plus(entry.change());
        }
        if (!sum.equals(closing) || !opening.plus(moneyIn).minus(moneyOut).equals(closing)) {
            // The ledger's entries carry their running balance: a gap here means the books are broken, not the request.
            throw new IllegalStateException("statement " + month + " " + currency + " does not add up: opening " + opening
                    + " + entries = " + sum + ", closing " + closing);
        }
    }
}
