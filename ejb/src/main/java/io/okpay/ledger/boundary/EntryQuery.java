package io.okpay.ledger.boundary;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries {@link Entries#find} returns: those of {@code accounts}, narrowed by whatever else is set (not null) —
 * entries before a cursor ({@code before}, an {@link EntryLine#id()}), transactions with one code, entries written in
 * [{@code from}, {@code to}), transactions among these public ids — at most {@code max} of them, in {@code order}.
 */
public record EntryQuery(Set<Long> accounts, Long before, String code, Instant from, Instant to,
                         Set<String> transactions, Order order, int max) {

    public enum Order {
        /** Newest first across the accounts, the order of {@link EntryLine#id()}, which pages go by. */
        NEWEST_FIRST,
        /** Oldest first, each account's entries in its own order, so that running balances follow each other. */
        OLDEST_FIRST,
        /** One account's entries in its own order. */
        ACCOUNT_ORDER
    }

    public EntryQuery {
        accounts = Set.copyOf(accounts);
        transactions = transactions == null ? null : Set.copyOf(transactions);
    }
}
