package io.okpay.checkout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class CheckoutFeesTest {

    @Test
    @DisplayName("percentage rounded up to the minor unit, plus the fixed part")
    void percentagePlusFixed() {
        assertEquals(315, CheckoutFees.fee(10000, new BigDecimal("2.9"), 25));
        assertEquals(54, CheckoutFees.fee(1000, new BigDecimal("2.9"), 25));
        assertEquals(1 + 25, CheckoutFees.fee(30, new BigDecimal("2.9"), 25), "0.87 of a cent is a cent");
        assertEquals(3, CheckoutFees.fee(101, new BigDecimal("2.9"), 0), "2.929 cents is 3 cents");
        assertEquals(0, CheckoutFees.fee(500, BigDecimal.ZERO, 0));
    }

    @Test
    @DisplayName("never more than the amount, never negative")
    void capped() {
        assertEquals(10, CheckoutFees.fee(10, new BigDecimal("2.9"), 25));
        assertThrows(IllegalStateException.class, () -> CheckoutFees.fee(100, new BigDecimal("-1"), 0));
    }
}
