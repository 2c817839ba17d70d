package io.okpay.wallet.control;

import io.okpay.shared.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The currency a form starts with, so a person rarely has to change it: the one they hold most of; for someone without
 * balances, the currency of their country (from their language, such as zh-CN, or their browser's locale, such as
 * en-GB); else the usual one of their language. Always one OKPay has enabled.
 */
public final class CurrencyChoice {

    private CurrencyChoice() {
    }

    /**
     * @param balances the person's balances, in the order they were opened (the first wins a tie)
     * @param worth    what a balance is worth in one common unit, to compare balances in different currencies
     * @param locales  the person's language first, then the browser's locales in order of preference
     * @param enabled  the currencies OKPay has enabled, not empty
     */
    public static String preferred(List<Money> balances, Function<Money, BigDecimal> worth, List<Locale> locales,
                                   List<String> enabled) {
        Optional<Money> largest = balances.stream().filter(b -> enabled.contains(b.currency()))
                .max(Comparator.comparing(worth));
        if (largest.isPresent()) {
            return largest.get().currency();
        }
        for (Locale locale : locales) {
            Optional<String> ofCountry = ofCountry(locale).filter(enabled::contains);
            if (ofCountry.isPresent()) {
                return ofCountry.get();
            }
        }
        String ofLanguage = !locales.isEmpty() && "zh".equals(locales.get(0).getLanguage()) ? "CNY" : "USD";
        return enabled.contains(ofLanguage) ? ofLanguage : enabled.get(0);
    }

    private static Optional<String> ofCountry(Locale locale) {
        if (locale == null || locale.getCountry().isEmpty()) {
            return Optional.empty();
        }
        try {
            java.util.Currency currency = java.util.Currency.getInstance(locale);
            return Optional.ofNullable(currency).map(java.util.Currency::getCurrencyCode);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a region without a currency of its own, such as 419 (Latin America)
        }
    }
}
