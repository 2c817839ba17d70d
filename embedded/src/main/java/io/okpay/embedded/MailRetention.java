package io.okpay.embedded;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which received mails the mail catcher lets go: it keeps the newest {@code keep} across all mailboxes and trims only
 * once the count passes {@code keep} by a tenth, so that a steady stream of mail costs one trim per few hundred
 * messages rather than one per message.
 */
final class MailRetention {

    /** One stored message: its mailbox, its id there, and when it arrived. */
    record Stored<M>(M mailbox, long uid, long receivedMillis) {
    }

    private final int keep;

    MailRetention(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("The mail catcher must keep at least one message, not " + keep);
        }
        this.keep = keep;
    }

    int keep() {
        return keep;
    }

    /** Whether a catcher holding {@code total} messages should trim now. */
    boolean due(int total) {
        return total > keep + keep / 10;
    }

    /** The oldest messages beyond the newest {@code keep}; ties in arrival time go by id (ids grow per mailbox). */
    <M> List<Stored<M>> toRemove(Collection<Stored<M>> all) {
        if (all.size() <= keep) {
            return List.of();
        }
        return all.stream()
                .sorted(Comparator.<Stored<M>>comparingLong(Stored::receivedMillis).thenComparingLong(Stored::uid))
                .limit(all.size() - keep)
                .toList();
    }
}
