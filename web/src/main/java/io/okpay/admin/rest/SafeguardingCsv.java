package io.okpay.admin.rest;

import io.okpay.shared.Csv;

/** The safeguarding report as CSV (UTF-8 with a byte order mark): one line per currency. */
public final class SafeguardingCsv {

    private SafeguardingCsv() {
    }

    public static String of(BooksResource.SafeguardingDto report) {
        Csv csv = new Csv().row("date", "currency", "customer_money", "safeguarded", "difference", "entered_by");
        for (BooksResource.SafeguardingLineDto line : report.currencies()) {
            csv.row(report.date(), line.currency(), line.owed(), line.held(), line.difference(), line.entered_by());
        }
        return csv.toString();
    }
}
