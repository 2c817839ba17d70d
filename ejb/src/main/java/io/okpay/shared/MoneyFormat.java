package io.okpay.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Money as people read it: the locale's symbols, grouping and decimal mark, with exactly as many decimals as the
 * currency has ("$1,234.50", "¥1,235" for JPY). Never used to read amounts back: that is {@link Money#parse}.
 */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    public static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Messages.supported(locale).getLanguage().equals("zh")
                ? Locale.SIMPLIFIED_CHINESE : Locale.US);
        format.setCurrency(java.util.Currency.getInstance(money.currency()));
        format.setMinimumFractionDigits(money.exponent());
        format.setMaximumFractionDigits(money.exponent());
        String text = format.format(BigDecimal.valueOf(money.minor(), money.exponent()));
        // Without a symbol of its own the currency shows as its code, which needs a space before the digits: "KWD 1.005".
        int code = text.indexOf(money.currency());
        int after = code + money.currency().length();
        return code >= 0 && after < text.length() && Character.isDigit(text.charAt(after))
                ? text.substring(0, after) + '\u00a0' + text.substring(after) : text;
    }
}
