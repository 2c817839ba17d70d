package io.okpay.wallet.boundary;

import io.okpay.shared.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * One calendar month of one wallet, in the person's time zone ({@code from} and {@code to} are its first moment and
 * the first moment of the next month there): the balance when it began, every entry in order, and the balance when it
 * ended (or now, for the current month). {@code moneyIn} and {@code moneyOut} are the sums of the credits and of the
 * debits, both positive. Always {@code opening + moneyIn - moneyOut = closing}: the constructor refuses anything else.
 */
public record Statement(YearMonth month, ZoneId zone, String currency, Instant from, Instant to, Money opening,
                        List<Activity.Item> entries, Money moneyIn, Money moneyOut, Money closing) {

    /** The first moment of the month where the person lives: midnight of its first day in their zone. */
    public static Instant monthStart(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

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
