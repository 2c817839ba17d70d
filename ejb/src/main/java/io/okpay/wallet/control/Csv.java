package io.okpay.wallet.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV file as RFC 4180 writes it (comma separated, CRLF line ends, a field quoted when it holds a comma, a quote or
 * a line break, its quotes doubled), starting with a UTF-8 byte order mark so that Excel reads Chinese right.
 * A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, unless it is a plain decimal number such as an amount "-12.50", which no spreadsheet executes.
 */
public final class Csv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final StringBuilder text = new StringBuilder().append(BYTE_ORDER_MARK);

    /** Appends one record; a null cell is an empty field. */
    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public Csv row(String... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    /** The whole file, byte order mark first. */
    @Override
    public String toString() {
        return text.toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = formulaLike(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean formulaLike(String value) {
        char first = value.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(value).matches();
    }
}
