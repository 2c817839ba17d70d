package io.okpay.support.entity;

import io.okpay.support.boundary.ChatStatus;
import io.okpay.support.boundary.TicketCategory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatTest {

    final Instant t0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    @DisplayName("lines are numbered in the chat; writing ends that side's typing; delivery never moves back or past the last line")
    void linesTypingDelivery() {
        Chat cut = new Chat("cht_1", "usr_1", TicketCategory.OTHER, t0);
        assertEquals(ChatStatus.WAITING, cut.status());
        cut.typing(true, t0);
        assertEquals(1, cut.nextLine(true, t0.plusSeconds(1)));
        assertNull(cut.personTypingAt());
        cut.take("usr_op", t0.plusSeconds(2));
        assertEquals(ChatStatus.ACTIVE, cut.status());
        assertEquals(2, cut.nextLine(false, t0.plusSeconds(3)));
        assertTrue(cut.received(true, 2, t0.plusSeconds(4)));
        assertFalse(cut.received(true, 1, t0.plusSeconds(5)), "never back");
        assertFalse(cut.received(true, 2, t0.plusSeconds(5)), "nothing new");
        assertTrue(cut.received(false, 9, t0.plusSeconds(5)));
        assertEquals(2, cut.operatorReceived(), "never past the last line");
        cut.end(7L, t0.plusSeconds(6));
        assertEquals(ChatStatus.ENDED, cut.status());
        assertEquals(7L, cut.ticketId());
        assertEquals(t0.plusSeconds(6), cut.changedAt());
    }
}
