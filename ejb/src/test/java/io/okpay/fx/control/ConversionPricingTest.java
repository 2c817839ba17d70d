package io.okpay.fx.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConversionPricingTest {

    @Test
    @DisplayName("the customer rate is the mid rate less the spread, cut (not rounded) to 10 significant digits")
    void customerRate() {
        assertEquals(new BigDecimal("0.9476190476"), ConversionPricing.customerRate(new BigDecimal("0.952380952381"), 50));
        assertEquals(new BigDecimal("1.05"), ConversionPricing.customerRate(new BigDecimal("1.05"), 0));
        // 0.00155799999999 × 0.9949 = 0.00155005419999...: cut, never rounded up
        assertEquals(new BigDecimal("0.001550054199"), ConversionPricing.customerRate(new BigDecimal("0.00155799999999"), 51));
        assertThrows(IllegalArgumentException.class, () -> ConversionPricing.customerRate(BigDecimal.ONE, 10_000));
    }

    @Test
    @DisplayName("USD to JPY (2 → 0 decimals): selling rounds the yen down, buying rounds the cents up")
    void usdToJpy() {
        BigDecimal rate = new BigDecimal("153.8933333");
        assertEquals(new ConversionPricing.Priced(1000, 1538, 0), ConversionPricing.selling(1000, 2, 0, rate, 0));
        // 1000 / 153.8933333 = 6.49798...: 6.50 USD
        assertEquals(new ConversionPricing.Priced(650, 1000, 0), ConversionPricing.buying(1000, 2, 0, rate, 0));
        // 1 cent buys 1.53 yen: 1 yen
        assertEquals(1, ConversionPricing.selling(1, 2, 0, rate, 0).buy());
    }

    @Test
    @DisplayName("JPY to USD (0 → 2 decimals): 1,000 yen give 6.43 USD, 10.00 USD cost 1,555 yen")
    void jpyToUsd() {
        BigDecimal rate = new BigDecimal("0.006433497536"); // about 155.44 yen per dollar
        assertEquals(new ConversionPricing.Priced(1000, 643, 0), ConversionPricing.selling(1000, 0, 2, rate, 0));
        // 10 / 0.006433497536 = 1554.36...: 1555 yen
        assertEquals(new ConversionPricing.Priced(1555, 1000, 0), ConversionPricing.buying(1000, 0, 2, rate, 0));
    }

    @Test
    @DisplayName("USD and KWD (2 and 3 decimals): fils round down when received, cents round up when paid")
    void usdAndKwd() {
        BigDecimal usdToKwd = new BigDecimal("0.3054321987");
        // 123.45 × 0.3054321987 = 37.7056049... KWD: 37.705
        assertEquals(new ConversionPricing.Priced(12345, 37705, 0), ConversionPricing.selling(12345, 2, 3, usdToKwd, 0));
        // 1.000 KWD / 0.3054321987 = 3.27404...: 3.28 USD
        assertEquals(new ConversionPricing.Priced(328, 1000, 0), ConversionPricing.buying(1000, 2, 3, usdToKwd, 0));
        BigDecimal kwdToUsd = new BigDecimal("3.2577");
        // 0.001 KWD gives 0.0032577 USD: 0.00; 0.010 KWD gives 0.032577: 0.03
        assertEquals(0, ConversionPricing.selling(1, 3, 2, kwdToUsd, 0).buy());
        assertEquals(3, ConversionPricing.selling(10, 3, 2, kwdToUsd, 0).buy());
        // 0.01 USD costs 0.01 / 3.2577 = 0.0030696... KWD: 0.004
        assertEquals(4, ConversionPricing.buying(1, 3, 2, kwdToUsd, 0).sell());
    }

    @Test
    @DisplayName("the fee is a share of the sold amount rounded up to the minor unit, on top of it")
    void fee() {
        assertEquals(25, ConversionPricing.fee(10_000, 25));
        assertEquals(14, ConversionPricing.fee(5_277, 25)); // 13.1925 cents
        assertEquals(1, ConversionPricing.fee(1, 1));
        assertEquals(0, ConversionPricing.fee(123_456, 0));
        assertEquals(new ConversionPricing.Priced(5277, 5000, 14),
                ConversionPricing.buying(5000, 2, 2, new BigDecimal("0.9476190476"), 25));
    }

    @Test
    @DisplayName("amounts beyond a long of minor units are refused, not wrapped")
    void overflow() {
        assertThrows(ArithmeticException.class,
                () -> ConversionPricing.selling(Long.MAX_VALUE, 0, 3, new BigDecimal("1000"), 0));
    }
}
