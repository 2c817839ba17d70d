package io.okpay.transfer.control;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferRulesTest {

    @Test
    @DisplayName("a threshold in major units becomes minor units of the currency, finer ones rounded up")
    void thresholds() {
        assertEquals(100_000, TransferRules.thresholdMinor("1000", 2));
        assertEquals(150_000, TransferRules.thresholdMinor("150000", 0));
        assertEquals(1_000_000, TransferRules.thresholdMinor("1000", 3));
        assertEquals(1001, TransferRules.thresholdMinor("10.005", 2));
        assertThrows(IllegalStateException.class, () -> TransferRules.thresholdMinor("lots", 2));
    }

    @Test
    @DisplayName("notes are trimmed, blank is none, 140 characters (not bytes) at most")
    void notes() {
        assertNull(TransferRules.note(null));
        assertNull(TransferRules.note("   "));
        assertEquals("lunch", TransferRules.note("  lunch "));
        String chinese = "午".repeat(140);
        assertEquals(chinese, TransferRules.note(chinese));
        BusinessException tooLong = assertThrows(BusinessException.class, () -> TransferRules.note("x".repeat(141)));
        assertEquals("note", tooLong.fieldErrors().get(0).field());
        assertEquals("note_too_long", tooLong.fieldErrors().get(0).code());
    }

    @Test
    @DisplayName("idempotency keys have 1 to 255 characters")
    void keys() {
        assertEquals("k", TransferRules.idempotencyKey("k"));
        assertEquals("k".repeat(255), TransferRules.idempotencyKey("k".repeat(255)));
        assertThrows(BusinessException.class, () -> TransferRules.idempotencyKey(null));
        assertThrows(BusinessException.class, () -> TransferRules.idempotencyKey(""));
        assertThrows(BusinessException.class, () -> TransferRules.idempotencyKey("k".repeat(256)));
    }

    @Test
    @DisplayName("only a plausible e-mail address can be invited; anything else is an unknown recipient")
    void emailAddresses() {
        assertTrue(TransferRules.isEmailAddress("new.person@example.com"));
        assertTrue(TransferRules.isEmailAddress("  New@Example.co.uk "));
        assertFalse(TransferRules.isEmailAddress("someone"));
        assertFalse(TransferRules.isEmailAddress("a@b"));
        assertFalse(TransferRules.isEmailAddress("a@@b.com"));
        assertFalse(TransferRules.isEmailAddress("a b@c.com"));
        assertFalse(TransferRules.isEmailAddress(null));
    }
}
