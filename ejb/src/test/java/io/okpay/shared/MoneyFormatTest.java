package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyFormatTest {

    @Test
    @DisplayName("amounts show the locale's symbols and grouping with exactly the currency's decimals")
    void formats() {
        assertEquals("$1,234.50", MoneyFormat.format(new Money(123_450, "USD", 2), Locale.ENGLISH));
        assertEquals("¥1,235", MoneyFormat.format(new Money(1235, "JPY", 0), Locale.ENGLISH));
        assertEquals("KWD 1.005", MoneyFormat.format(new Money(1005, "KWD", 3), Locale.ENGLISH).replace('\u00a0', ' '));
        assertEquals("¥1,234.50", MoneyFormat.format(new Money(123_450, "CNY", 2), Locale.SIMPLIFIED_CHINESE));
        assertEquals("-$0.05", MoneyFormat.format(new Money(-5, "USD", 2), Locale.ENGLISH));
    }
}
