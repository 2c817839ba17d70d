package io.okpay.transfer.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransferRulesTest {

    @Test
    @DisplayName("a threshold in major units becomes money of the compared amount's currency, finer ones rounded up")
    void thresholds() {
        assertEquals(new Money(100_000, "USD", 2), TransferRules.threshold("1000", new Money(1, "USD", 2)));
        assertEquals(new Money(150_000, "JPY", 0), TransferRules.threshold("150000", new Money(1, "JPY", 0)));
        assertEquals(new Money(1_000_000, "KWD", 3), TransferRules.threshold("1000", new Money(1, "KWD", 3)));
        assertEquals(1001, TransferRules.threshold("10.005", new Money(1, "USD", 2)).minor());
        assertThrows(IllegalStateException.class, () -> TransferRules.threshold("lots", new Money(1, "USD", 2)));
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
}
