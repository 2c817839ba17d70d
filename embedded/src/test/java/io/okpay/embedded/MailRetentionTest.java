package io.okpay.embedded;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRetentionTest {

    private static MailRetention.Stored<String> mail(String box, long uid, long at) {
        return new MailRetention.Stored<>(box, uid, at);
    }

    @Test
    void removesTheOldestAcrossMailboxesAndKeepsTheNewest() {
        List<MailRetention.Stored<String>> all = List.of(
                mail("ann", 1, 100), mail("bob", 1, 50), mail("ann", 2, 300), mail("bob", 2, 200), mail("cy", 1, 250));
        assertEquals(List.of(mail("bob", 1, 50), mail("ann", 1, 100)), new MailRetention(3).toRemove(all));
    }

    @Test
    void sameArrivalTimeGoesByIdOldestFirst() {
        List<MailRetention.Stored<String>> all = List.of(mail("ann", 7, 100), mail("ann", 5, 100), mail("ann", 6, 100));
        assertEquals(List.of(mail("ann", 5, 100)), new MailRetention(2).toRemove(all));
    }

    @Test
    void nothingToRemoveAtOrBelowTheBound() {
        assertEquals(List.of(), new MailRetention(2).toRemove(List.of(mail("ann", 1, 1), mail("ann", 2, 2))));
        assertEquals(List.of(), new MailRetention(2).toRemove(List.of()));
    }

    @Test
    void trimsOnlyOnceTheCountPassesTheBoundByATenth() {
        MailRetention retention = new MailRetention(10_000);
        assertFalse(retention.due(10_000));
        assertFalse(retention.due(11_000));
        assertTrue(retention.due(11_001));
        assertTrue(new MailRetention(1).due(2));
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new MailRetention(0));
    }
}
