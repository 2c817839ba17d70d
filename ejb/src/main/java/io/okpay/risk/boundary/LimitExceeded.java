package io.okpay.risk.boundary;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A movement would go over one of the account's limits (limit_exceeded, 422): which one ({@code send.day}), what is
 * left of it (an amount in the reference currency, or a number of movements for a per-hour count), when it resets
 * (none for a per-transaction limit), and where to raise it (the identity verification form, for tiers below T2).
 */
public class LimitExceeded extends BusinessException {

    private final String limit;
    private final Money remainingAmount;
    private final long remainingCount;
    private final Instant resetsAt;
    private final String raiseUrl;

    public LimitExceeded(MovementKind kind, LimitPeriod period, Money remainingAmount, long remainingCount,
                         Instant resetsAt, String raiseUrl) {
        super("limit_exceeded", label(kind, period), remaining(period, remainingAmount, remainingCount),
                resets(resetsAt), raise(raiseUrl));
        this.limit = kind.key() + "." + period.apiName();
        this.remainingAmount = remainingAmount;
        this.remainingCount = remainingCount;
        this.resetsAt = resetsAt;
        this.raiseUrl = raiseUrl;
    }

    /** The limit's name: {@code <kind>.<period>}, e.g. send.day or withdraw.transaction. */
    public String limit() {
        return limit;
    }

    public Instant resetsAt() {
        return resetsAt;
    }

    @Override
    public Map<String, Object> problemFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("limit", limit);
        if (remainingAmount != null) {
            fields.put("remaining", Map.of("amount", remainingAmount.toDecimal(), "currency", remainingAmount.currency()));
        } else {
            fields.put("remaining", remainingCount);
        }
        if (resetsAt != null) {
            fields.put("resets_at", resetsAt.toString());
        }
        if (raiseUrl != null) {
            fields.put("raise_limits_url", raiseUrl);
        }
        return fields;
    }

    /** "Send (per day)": the limit's name in words. */
    public static Messages.Localized label(MovementKind kind, LimitPeriod period) {
        return locale -> Messages.get(locale, "risk.limit.name", Messages.get(locale, "risk.kind." + kind.key()),
                Messages.get(locale, "risk.period." + period.apiName()));
    }

    private static Messages.Localized remaining(LimitPeriod period, Money amount, long count) {
        return locale -> period.counts() ? Messages.get(locale, "risk.count", count) : MoneyFormat.format(amount, locale);
    }

    private static Messages.Localized resets(Instant at) {
        return locale -> at == null ? "" : sentenceGap(locale) + Messages.get(locale, "risk.resets", when(at, locale));
    }

    private static Messages.Localized raise(String url) {
        return locale -> url == null ? "" : sentenceGap(locale) + Messages.get(locale, "risk.raise");
    }

    /** What goes between two sentences: a space in English, nothing after Chinese full-width punctuation. */
    private static String sentenceGap(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "" : " ";
    }

    /** A reset time in words, in UTC (the windows are UTC's). */
    public static String when(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC).format(at) + " UTC";
    }
}
