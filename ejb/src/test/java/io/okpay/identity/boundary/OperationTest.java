package io.okpay.identity.boundary;

import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OperationTest {

    final Operation cut = Operation.of("send-money", new Money(2500, "USD", 2), "bob@example.com");

    @Test
    @DisplayName("the binding covers action, amount, currency and payee; the payee's case and spaces do not matter")
    void canonical() {
        assertEquals(cut.canonical(), Operation.of("send-money", new Money(2500, "USD", 2), " Bob@Example.com ").canonical());
        assertNotEquals(cut.canonical(), Operation.of("send-money", new Money(2501, "USD", 2), "bob@example.com").canonical());
        assertNotEquals(cut.canonical(), Operation.of("send-money", new Money(2500, "EUR", 2), "bob@example.com").canonical());
        assertNotEquals(cut.canonical(), Operation.of("send-money", new Money(2500, "USD", 2), "carl@example.com").canonical());
        assertNotEquals(cut.canonical(), Operation.of("withdraw", new Money(2500, "USD", 2), "bob@example.com").canonical());
    }

    @Test
    @DisplayName("a payee shown differently from how it is bound: the reference is what counts")
    void payeeReference() {
        Operation shop = new Operation("checkout-pay", new Money(1200, "EUR", 2), "Teas by Ann", "mch_1/cs_1");
        assertEquals(shop.canonical(),
                new Operation("checkout-pay", new Money(1200, "EUR", 2), "Another Name", "mch_1/cs_1").canonical());
        assertNotEquals(shop.canonical(),
                new Operation("checkout-pay", new Money(1200, "EUR", 2), "Teas by Ann", "mch_1/cs_2").canonical());
    }
}
