package io.okpay.wallet.control;

import io.okpay.shared.Messages;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The person's history and statements as CSV files for a spreadsheet: column headers, types and descriptions in the
 * person's language (whole sentences, as the pages say them), the other side and the order as this person sees them,
 * dates as UTC ISO-8601, amounts as plain decimal strings (signed: positive when money came in), the fee only where
 * this person paid it.
 */
public final class WalletCsv {

    static final List<String> COLUMNS = List.of("date", "transaction", "type", "description", "counterparty", "order", "note",
            "amount", "currency", "fee", "balance_after");

    private WalletCsv() {
    }

    /** One row per entry, in the given order. */
    public static String history(List<Activity.Item> items, Locale locale) {
        Csv csv = header(locale);
        items.forEach(item -> csv.row(row(item, locale)));
        return csv.toString();
    }

    /**
     * The opening balance, one row per entry of the month, the totals in and out, and the closing balance; the
     * balance rows carry their amount in the balance column.
     */
    public static String statement(Statement statement, Locale locale) {
        Csv csv = header(locale);
        String currency = statement.currency();
        csv.row(summary(statement.from().toString(), "opening_balance", locale, null, currency, statement.opening().toDecimal()));
        statement.entries().forEach(item -> csv.row(row(item, locale)));
        String end = statement.entries().isEmpty() ? statement.from().toString()
                : statement.entries().get(statement.entries().size() - 1).createdAt().toString();
        csv.row(summary(end, "money_in", locale, statement.moneyIn().toDecimal(), currency, null));
        csv.row(summary(end, "money_out", locale, statement.moneyOut().negate().toDecimal(), currency, null));
        csv.row(summary(end, "closing_balance", locale, null, currency, statement.closing().toDecimal()));
        return csv.toString();
    }

    private static Csv header(Locale locale) {
        return new Csv().row(COLUMNS.stream().map(column -> Messages.get(locale, "csv.col." + column)).toList());
    }

    private static List<String> row(Activity.Item item, Locale locale) {
        List<String> cells = new ArrayList<>();
        cells.add(item.createdAt().toString());
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
