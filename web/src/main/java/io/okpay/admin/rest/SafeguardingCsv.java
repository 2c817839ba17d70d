package io.okpay.admin.rest;

/** The safeguarding report as CSV: UTF-8 with a byte order mark, one line per currency. */
public final class SafeguardingCsv {

    private SafeguardingCsv() {
    }

    public static String of(BooksResource.SafeguardingDto report) {
        StringBuilder csv = new StringBuilder("\uFEFFdate,currency,customer_money,safeguarded,difference,entered_by\r\n");
        for (BooksResource.SafeguardingLineDto line : report.currencies()) {
            csv.append(report.date()).append(',').append(line.currency()).append(',').append(line.owed()).append(',')
                    .append(line.held() == null ? "" : line.held()).append(',')
                    .append(line.difference() == null ? "" : line.difference()).append(',')
                    .append(line.entered_by() == null ? "" : line.entered_by()).append("\r\n");
        }
        return csv.toString();
    }
}
