package io.okpay.funding.control;

import io.okpay.funding.boundary.FeeQuote;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeeScheduleTest {

    static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("okpay.topup.card.fee-bps", "290"),
            Map.entry("okpay.topup.card.fee-fixed.usd", "30"),
            Map.entry("okpay.topup.card.fee-bps.jpy", "350"),
            Map.entry("okpay.topup.bank-transfer.fee-bps", "0"),
            Map.entry("okpay.topup.bank-transfer.fee-fixed.kwd", "250"),
            Map.entry("okpay.topup.min.usd", "100"),
            Map.entry("okpay.topup.max.usd", "1000000"),
            Map.entry("okpay.topup.card.max.usd", "500000"),
            Map.entry("okpay.topup.min.jpy", "100"),
            Map.entry("okpay.topup.max.jpy", "1000000"),
            Map.entry("okpay.topup.min.kwd", "1000"),
            Map.entry("okpay.topup.max.kwd", "1000000"));

    final FeeSchedule cut = new FeeSchedule(key -> Optional.ofNullable(SETTINGS.get(key)));

    static final Map<String, Integer> EXPONENTS = Map.of("USD", 2, "EUR", 2, "GBP", 2, "CNY", 2, "HKD", 2, "JPY", 0,
            "SGD", 2, "KWD", 3);

    @ParameterizedTest(name = "{0} {1} {2} -> fee {3}")
    @CsvSource({
            // 2.90 % + 0.30 USD: 290.00 cents + 30 on 100.00 USD
            "CARD, 10000, USD, 320",
            // 2.90 % of 10.01 USD is 29.029 cents: rounded up to 30, plus 30
            "CARD, 1001, USD, 60",
            // exactly divisible: no rounding
            "CARD, 100, USD, 33",
            // JPY has no minor unit: 3.50 % of 1,001 yen is 35.035 yen, rounded up to 36, no fixed part
            "CARD, 1001, JPY, 36",
            "CARD, 1000, JPY, 35",
            // KWD has three decimals: 2.90 % of 10.001 KWD is 290.029 fils, rounded up to 291
            "CARD, 10001, KWD, 291",
            // bank transfer: fixed 0.250 KWD only
            "BANK_TRANSFER, 10001, KWD, 250",
            "BANK_TRANSFER, 10000, USD, 0",
            // vouchers: nothing configured, no fee
            "VOUCHER, 5000, USD, 0"})
    @DisplayName("fees are exact in minor units and rounded up, for exponents 0, 2 and 3")
    void fees(TopUpMethod method, long amount, String currency, long fee) {
        assertEquals(money(fee, currency), cut.fee(method, money(amount, currency)));
    }

    @Test
    @DisplayName("a quote carries amount, fee and total = amount + fee")
    void quote() {
        assertEquals(new FeeQuote(TopUpMethod.CARD, money(5000, "USD"), money(175, "USD"), money(5175, "USD")),
                cut.quote(TopUpMethod.CARD, money(5000, "USD")));
        assertEquals(new FeeQuote(TopUpMethod.CARD, money(5000, "JPY"), money(175, "JPY"), money(5175, "JPY")),
                cut.quote(TopUpMethod.CARD, money(5000, "JPY")));
    }

    @Test
    @DisplayName("a percentage of the largest amounts is computed without overflow or loss")
    void largeAmounts() {
        FeeSchedule wide = new FeeSchedule(key -> key.equals("okpay.topup.card.fee-bps") ? Optional.of("10000") : Optional.empty());
        long huge = Long.MAX_VALUE / 10_000;
        assertEquals(money(huge, "USD"), wide.fee(TopUpMethod.CARD, money(huge, "USD")));
        assertThrows(ArithmeticException.class, () -> wide.fee(TopUpMethod.CARD, money(Long.MAX_VALUE / 2, "USD")));
    }

    @Test
    @DisplayName("zero, negative, below-minimum and above-maximum amounts are refused on the field amount")
    void limits() {
        assertEquals("amount_not_positive", refusal(TopUpMethod.CARD, 0, "USD").code());
        assertEquals("amount_not_positive", refusal(TopUpMethod.CARD, -100, "USD").code());

        BusinessException.FieldError below = refusal(TopUpMethod.CARD, 99, "USD");
        assertEquals("amount", below.field());
        assertEquals("topup_amount_below_minimum", below.code());
        assertArrayEquals(new Object[]{"1.00", "USD"}, below.args());

        // The card maximum (5,000.00) replaces the general one (10,000.00) for cards only.
        BusinessException.FieldError above = refusal(TopUpMethod.CARD, 500001, "USD");
        assertEquals("topup_amount_above_maximum", above.code());
        assertArrayEquals(new Object[]{"5000.00", "USD"}, above.args());
        assertEquals(money(500001, "USD"), cut.quote(TopUpMethod.BANK_TRANSFER, money(500001, "USD")).amount());

        assertArrayEquals(new Object[]{"1.000", "KWD"}, refusal(TopUpMethod.CARD, 999, "KWD").args());
        assertArrayEquals(new Object[]{"100", "JPY"}, refusal(TopUpMethod.CARD, 99, "JPY").args());
    }

    @Test
    @DisplayName("a currency without a configured maximum cannot be topped up")
    void closedCurrency() {
        BusinessException.FieldError closed = refusal(TopUpMethod.CARD, 1000, "EUR");
        assertEquals("currency", closed.field());
        assertEquals("topup_currency_unavailable", closed.code());
    }

    @Test
    @DisplayName("broken configuration is an operator error, named by its key")
    void brokenConfiguration() {
        FeeSchedule broken = new FeeSchedule(key -> key.equals("okpay.topup.card.fee-bps") ? Optional.of("2.9%") : Optional.empty());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> broken.fee(TopUpMethod.CARD, money(100, "USD")));
        assertEquals(true, e.getMessage().contains("okpay.topup.card.fee-bps"));
        FeeSchedule tooMuch = new FeeSchedule(key -> key.equals("okpay.topup.card.fee-bps") ? Optional.of("10001") : Optional.empty());
        assertThrows(IllegalStateException.class, () -> tooMuch.fee(TopUpMethod.CARD, money(100, "USD")));
    }

    @Test
    @DisplayName("the shipped defaults allow top-ups in every currency enabled out of the box, and none in others")
    void shippedDefaults() throws java.io.IOException {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = FeeSchedule.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        FeeSchedule shipped = new FeeSchedule(key -> Optional.ofNullable(defaults.getProperty(key)));
        for (String currency : List.of("USD", "EUR", "GBP", "CNY", "HKD", "JPY", "SGD")) {
            for (TopUpMethod method : TopUpMethod.values()) {
                FeeQuote quote = shipped.quote(method, money(10_000, currency));
                assertEquals(quote.amount().plus(quote.fee()), quote.total());
            }
        }
        assertEquals(money(175, "USD"), shipped.fee(TopUpMethod.CARD, money(10_000, "USD")), "1.50 % of 100.00 USD plus 0.25");
        assertEquals(money(0, "USD"), shipped.fee(TopUpMethod.BANK_TRANSFER, money(10_000, "USD")));
        assertThrows(BusinessException.class, () -> shipped.quote(TopUpMethod.CARD, money(10_000, "KWD")));
    }

    private static Money money(long minor, String currency) {
        return new Money(minor, currency, EXPONENTS.get(currency));
    }

    private BusinessException.FieldError refusal(TopUpMethod method, long amount, String currency) {
        BusinessException refused = assertThrows(BusinessException.class, () -> cut.quote(method, money(amount, currency)));
        assertEquals("invalid_request", refused.code());
        return refused.fieldErrors().get(0);
    }
}
