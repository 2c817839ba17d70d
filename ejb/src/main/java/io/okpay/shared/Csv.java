package io.okpay.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV file as RFC 4180 writes it, through Apache Commons CSV: comma separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, its quotes doubled (Commons CSV also quotes, to be safe, a field that starts
 * with a character up to '#', such as a space or '#', or ends in white space). A file for a spreadsheet starts with a
 * UTF-8 byte order mark so that Excel reads Chinese right. A cell that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, unless it is a plain decimal number such as an
 * amount "-12.50", which no spreadsheet executes.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;

    /** A file for a spreadsheet: the byte order mark first. */
    public Csv() {
        this(true);
    }

    private Csv(boolean byteOrderMark) {
        if (byteOrderMark) {
            text.append(BYTE_ORDER_MARK);
        }
        try {
            printer = CSVFormat.RFC4180.print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file for a program that takes no byte order mark, such as a bank's import. */
    public static Csv withoutByteOrderMark() {
        return new Csv(false);
    }

    /** Appends one record; a null cell is an empty field. */
    public Csv row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(Csv::defused).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Csv row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** The whole file, byte order mark first when it has one. */
    @Override
    public String toString() {
        return text.toString();
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The cell as a spreadsheet may safely read it; null for an empty one, which Commons CSV writes unquoted. */
    static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return formulaLike(value) ? "'" + value : value;
    }

    private static boolean formulaLike(String value) {
        char first = value.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(value).matches();
    }
}
