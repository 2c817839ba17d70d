package io.okpay.wallet.control;

import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CurrencyChoiceTest {

    static final List<String> ENABLED = List.of("USD", "EUR", "GBP", "CNY", "HKD", "JPY", "SGD");
    static final Function<Money, BigDecimal> FIGURES = money -> new BigDecimal(money.toDecimal());
    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    static Money money(long minor, String currency) {
        return new Money(minor, currency, "JPY".equals(currency) ? 0 : 2);
    }

    @Test
    @DisplayName("without balances: the country of the language, else the browser's country, else the language's usual currency")
    void withoutBalances() {
        assertEquals("CNY", CurrencyChoice.preferred(List.of(), FIGURES, List.of(CHINESE, Locale.US), ENABLED));
        assertEquals("USD", CurrencyChoice.preferred(List.of(), FIGURES, List.of(Locale.ENGLISH), ENABLED));
        assertEquals("GBP", CurrencyChoice.preferred(List.of(), FIGURES, List.of(Locale.ENGLISH, Locale.UK), ENABLED));
        assertEquals("SGD", CurrencyChoice.preferred(List.of(), FIGURES,
                List.of(Locale.ENGLISH, Locale.forLanguageTag("en-SG"), Locale.US), ENABLED));
        assertEquals("EUR", CurrencyChoice.preferred(List.of(), FIGURES, List.of(Locale.ENGLISH, Locale.GERMANY), ENABLED));
        assertEquals("CNY", CurrencyChoice.preferred(List.of(), FIGURES, List.of(Locale.forLanguageTag("zh")), ENABLED));
    }

    @Test
    @DisplayName("a country whose currency OKPay has not enabled is passed over")
    void onlyEnabled() {
        assertEquals("USD", CurrencyChoice.preferred(List.of(), FIGURES,
                List.of(Locale.ENGLISH, Locale.forLanguageTag("en-AU"), Locale.forLanguageTag("es-419")), ENABLED));
        assertEquals("HKD", CurrencyChoice.preferred(List.of(), FIGURES,
                List.of(Locale.ENGLISH, Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("zh-HK")), ENABLED));
        assertEquals("EUR", CurrencyChoice.preferred(List.of(), FIGURES, List.of(CHINESE), List.of("EUR", "GBP")),
                "neither the country's nor the language's currency: the first enabled");
    }

    @Test
    @DisplayName("with balances: the only one, or the largest by worth, whatever the language says")
    void withBalances() {
        assertEquals("EUR", CurrencyChoice.preferred(List.of(money(0, "EUR")), FIGURES, List.of(CHINESE), ENABLED));
        Map<String, BigDecimal> inEuro = Map.of("JPY", new BigDecimal("0.006"), "USD", new BigDecimal("0.9"));
        Function<Money, BigDecimal> worth = money -> FIGURES.apply(money).multiply(inEuro.get(money.currency()));
        List<Money> held = List.of(money(2_000, "JPY"), money(10_000, "USD"));
        assertEquals("USD", CurrencyChoice.preferred(held, worth, List.of(Locale.JAPAN), ENABLED),
                "100 US dollars are worth more than 2,000 yen");
        assertEquals("JPY", CurrencyChoice.preferred(held, FIGURES, List.of(Locale.ENGLISH), ENABLED),
                "without rates, the figures decide");
        assertEquals("GBP", CurrencyChoice.preferred(List.of(money(500, "GBP"), money(500, "EUR")), FIGURES,
                List.of(Locale.ENGLISH), ENABLED), "a tie goes to the balance opened first");
        assertEquals("CNY", CurrencyChoice.preferred(List.of(money(900, "CHF")), FIGURES, List.of(CHINESE), ENABLED),
                "a balance in a currency no longer enabled is not preselected");
    }
}
