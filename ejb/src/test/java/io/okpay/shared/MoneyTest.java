package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    @DisplayName("decimal strings become minor units with the currency's exponent: USD 2, JPY 0, KWD 3")
    void parsesPerExponent() {
        assertEquals(new Money(1250, "USD", 2), Money.parse("12.50", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertEquals(new Money(1250, "USD", 2), Money.parse("12.5", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertEquals(new Money(1200, "USD", 2), Money.parse("12", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertEquals(new Money(1250, "JPY", 0), Money.parse("1250", "JPY", 0, Money.Sign.POSITIVE, "amount"));
        assertEquals(new Money(1005, "KWD", 3), Money.parse("1.005", "KWD", 3, Money.Sign.POSITIVE, "amount"));
        assertEquals(new Money(1, "USD", 2), Money.parse("0.01", "USD", 2, Money.Sign.POSITIVE, "amount"));
    }

    @Test
    @DisplayName("a configured amount in major units becomes minor units of the currency, finer ones rounded up")
    void atLeast() {
        assertEquals(new Money(100_000, "USD", 2), Money.atLeast("1000", "USD", 2));
        assertEquals(new Money(150_000, "JPY", 0), Money.atLeast(" 150000 ", "JPY", 0));
        assertEquals(new Money(1_000_000, "KWD", 3), Money.atLeast("1000", "KWD", 3));
        assertEquals(new Money(1001, "USD", 2), Money.atLeast("10.005", "USD", 2));
        assertEquals(new Money(2, "JPY", 0), Money.atLeast("1.1", "JPY", 0));
        assertThrows(NumberFormatException.class, () -> Money.atLeast("lots", "USD", 2));
    }

    @Test
    @DisplayName("more decimals than the currency has are refused, not rounded")
    void refusesExtraDecimals() {
        assertCode("amount_too_precise", () -> Money.parse("12.505", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_too_precise", () -> Money.parse("1.5", "JPY", 0, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_too_precise", () -> Money.parse("1.0001", "KWD", 3, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_too_precise", () -> Money.parse("12.500", "USD", 2, Money.Sign.POSITIVE, "amount"));
    }

    @Test
    @DisplayName("zero and negative amounts are refused where only positive ones make sense")
    void refusesZeroAndNegative() {
        assertCode("amount_not_positive", () -> Money.parse("0", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_not_positive", () -> Money.parse("0.00", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_not_positive", () -> Money.parse("-1.00", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_negative", () -> Money.parse("-0.01", "USD", 2, Money.Sign.NOT_NEGATIVE, "fee"));
        assertCode("amount_negative", () -> Money.parse("-0", "USD", 2, Money.Sign.NOT_NEGATIVE, "fee"));
        assertEquals(0, Money.parse("0", "USD", 2, Money.Sign.NOT_NEGATIVE, "fee").minor());
        assertEquals(-150, Money.parse("-1.50", "USD", 2, Money.Sign.ANY, "adjustment").minor());
    }

    @Test
    @DisplayName("amounts above 15 digits of minor units are refused, either sign, so sums of them stay far inside a long")
    void refusesOverflow() {
        assertEquals(Money.MAX_MINOR, Money.parse("9999999999999.99", "USD", 2, Money.Sign.POSITIVE, "amount").minor());
        assertEquals(-Money.MAX_MINOR, Money.parse("-999999999999999", "JPY", 0, Money.Sign.ANY, "adjustment").minor());
        assertCode("amount_too_large", () -> Money.parse("10000000000000.00", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_too_large", () -> Money.parse("-1000000000000000", "JPY", 0, Money.Sign.ANY, "adjustment"));
        assertCode("amount_too_large", () -> Money.parse("92233720368547758.07", "USD", 2, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_too_large", () -> Money.parse("99999999999999999999", "JPY", 0, Money.Sign.POSITIVE, "amount"));
        assertCode("amount_invalid", () -> Money.parse("1".repeat(40), "JPY", 0, Money.Sign.POSITIVE, "amount"));
    }

    @Test
    @DisplayName("a sum, difference or negation beyond a long is a 422 amount_overflow, not an arithmetic failure")
    void refusesOverflowingArithmetic() {
        Money max = new Money(Long.MAX_VALUE, "USD", 2);
        Money min = new Money(Long.MIN_VALUE, "USD", 2);
        for (BusinessException e : List.of(
                assertThrows(BusinessException.class, () -> max.plus(new Money(1, "USD", 2))),
                assertThrows(BusinessException.class, () -> min.minus(new Money(1, "USD", 2))),
                assertThrows(BusinessException.class, min::negate))) {
            assertEquals("amount_overflow", e.code());
        }
        assertEquals(Long.MAX_VALUE, max.minus(new Money(1, "USD", 2)).plus(new Money(1, "USD", 2)).minor());
        assertThrows(IllegalArgumentException.class, () -> max.plus(new Money(1, "EUR", 2)), "currencies still must match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "+1", "1.", ".5", "1e3", "1,000", "12,50", "--1", "abc", "1.2.3", "１２"})
    @DisplayName("anything but a plain decimal number is refused")
    void refusesMalformed(String text) {
        assertCode("amount_invalid", () -> Money.parse(text, "USD", 2, Money.Sign.POSITIVE, "amount"));
    }

    @Test
    @DisplayName("null is refused as invalid, and the error names the field")
    void namesTheField() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> Money.parse(null, "USD", 2, Money.Sign.POSITIVE, "price"));
        assertEquals("invalid_request", e.code());
        assertEquals("price", e.fieldErrors().get(0).field());
    }

    @Test
    @DisplayName("formats with exactly the currency's decimals")
    void formats() {
        assertEquals("12.50", new Money(1250, "USD", 2).toDecimal());
        assertEquals("0.05", new Money(5, "USD", 2).toDecimal());
        assertEquals("-0.05", new Money(-5, "USD", 2).toDecimal());
        assertEquals("1250", new Money(1250, "JPY", 0).toDecimal());
        assertEquals("1.005", new Money(1005, "KWD", 3).toDecimal());
        assertEquals("12.50 USD", new Money(1250, "USD", 2).toString());
    }

    @Test
    @DisplayName("arithmetic stays in one currency")
    void arithmetic() {
        Money a = new Money(1000, "USD", 2);
        assertEquals(new Money(1250, "USD", 2), a.plus(new Money(250, "USD", 2)));
        assertEquals(new Money(750, "USD", 2), a.minus(new Money(250, "USD", 2)));
        assertEquals(new Money(-1000, "USD", 2), a.negate());
        assertThrows(IllegalArgumentException.class, () -> a.plus(new Money(1, "EUR", 2)));
    }

    private static void assertCode(String code, org.junit.jupiter.api.function.Executable parse) {
        BusinessException e = assertThrows(BusinessException.class, parse);
        assertEquals(code, e.fieldErrors().get(0).code(), () -> "field errors: " + e.fieldErrors());
    }
}
