package io.okpay.wallet.boundary;

import io.okpay.shared.Csv;
import io.okpay.shared.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The person's history and statements as CSV files for a spreadsheet: column headers, types and descriptions in the
 * person's language (whole sentences, as the pages say them), the other side and the order as this person sees them,
 * dates as ISO-8601 in the person's time zone with its offset (2026-11-05T18:30:12+08:00), amounts as plain decimal
 * strings (signed: positive when money came in), the fee only where this person paid it.
 */
public final class WalletCsv {

    /** What the files are, for the Content-Type of a download. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    static final List<String> COLUMNS = List.of("date", "transaction", "type", "description", "counterparty", "order", "note",
            "amount", "currency", "fee", "balance_after");

    private WalletCsv() {
    }

    /** One row per entry, in the given order. */
    public static String history(List<Activity.Item> items, Locale locale, ZoneId zone) {
        Csv csv = header(locale, zone);
        items.forEach(item -> csv.row(row(item, locale, zone)));
        return csv.toString();
    }

    /**
     * The opening balance, one row per entry of the month, the totals in and out, and the closing balance; the
     * balance rows carry their amount in the balance column.
     */
    public static String statement(Statement statement, Locale locale) {
        ZoneId zone = statement.zone();
        Csv csv = header(locale, zone);
        String currency = statement.currency();
        csv.row(summary(date(statement.from(), zone), "opening_balance", locale, null, currency,
                statement.opening().toDecimal()));
        statement.entries().forEach(item -> csv.row(row(item, locale, zone)));
        String end = date(statement.entries().isEmpty() ? statement.from()
                : statement.entries().get(statement.entries().size() - 1).createdAt(), zone);
        csv.row(summary(end, "money_in", locale, statement.moneyIn().toDecimal(), currency, null));
        csv.row(summary(end, "money_out", locale, statement.moneyOut().negate().toDecimal(), currency, null));
        csv.row(summary(end, "closing_balance", locale, null, currency, statement.closing().toDecimal()));
        return csv.toString();
    }

    /** The date column names the zone its dates are in. */
    private static Csv header(Locale locale, ZoneId zone) {
        return new Csv().row(COLUMNS.stream().map(column -> Messages.get(locale, "csv.col." + column, zone.getId())).toList());
    }

    /** To the second, with the offset of the person's zone at that moment, so a spreadsheet can still sort it. */
    static String date(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    private static List<String> row(Activity.Item item, Locale locale, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        cells.add(date(item.createdAt(), zone));
        cells.add(item.transactionId());
        cells.add(ActivityText.kind(item.code(), locale));
        cells.add(ActivityText.sentence(item, locale));
        cells.add(item.counterparty());
        cells.add(item.order());
        cells.add(item.note());
        cells.add(item.change().toDecimal());
        cells.add(item.currency());
        cells.add(item.fee().toDecimal());
        cells.add(item.balanceAfter().toDecimal());
        return cells;
    }

    private static List<String> summary(String date, String kind, Locale locale, String amount, String currency,
                                        String balance) {
        return java.util.Arrays.asList(date, null, Messages.get(locale, "statement." + kind), null, null, null, null,
                amount, currency, null, balance);
    }
}
