package io.okpay.wallet.boundary;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What part of a person's history to show: one currency, one ledger code (p2p_transfer, topup ...), the entries from
 * {@code from} (inclusive) to {@code to} (exclusive), and transfers with one counterparty (part of a username or
 * e-mail address). Every part is optional (null).
 */
public record HistoryFilter(String currency, String type, Instant from, Instant to, String counterparty) {

    /** The longest range one export may cover, in days. */
    public static final int MAX_EXPORT_DAYS = 366;

    /** Days outside these years are refused: MariaDB's DATETIME ends at 9999, and OKPay holds nothing before 1970. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9998;

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, null, null);
    }

    public static HistoryFilter of(String currency, String type) {
        return new HistoryFilter(blankToNull(currency), blankToNull(type), null, null, null);
    }

    /**
     * From the dates people give (YYYY-MM-DD, days in the person's time zone, both days included). A malformed date or
     * a range that ends before it starts is a 400 with a field error on {@code from} or {@code to}.
     */
    public static HistoryFilter of(String currency, String type, String fromDay, String toDay, String counterparty,
                                   ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = day(fromDay, "from", errors);
        LocalDate to = day(toDay, "to", errors);
        if (errors.isEmpty() && from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "date_range_reversed"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        return new HistoryFilter(blankToNull(currency), blankToNull(type),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), blankToNull(counterparty));
    }

    /**
     * An export needs both ends of the range and covers at most {@link #MAX_EXPORT_DAYS} days, so one file stays a
     * size a spreadsheet opens.
     */
    public static HistoryFilter forExport(String currency, String type, String fromDay, String toDay, String counterparty,
                                          ZoneId zone) {
        List<FieldError> missing = new ArrayList<>();
        if (blankToNull(fromDay) == null) {
            missing.add(new FieldError("from", "date_required"));
        }
        if (blankToNull(toDay) == null) {
            missing.add(new FieldError("to", "date_required"));
        }
        if (!missing.isEmpty()) {
            throw BusinessException.invalid(missing);
        }
        HistoryFilter filter = of(currency, type, fromDay, toDay, counterparty, zone);
        // Counted in days, not hours: a range across a daylight-saving change is still its number of days.
        if (LocalDate.parse(fromDay.trim()).plusDays(MAX_EXPORT_DAYS).isBefore(LocalDate.parse(toDay.trim()).plusDays(1))) {
            throw BusinessException.invalid(List.of(new FieldError("to", "export_range_too_long", MAX_EXPORT_DAYS)));
        }
        return filter;
    }

    private static LocalDate day(String text, String field, List<FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // the field error below
        }
        errors.add(new FieldError(field, "date_invalid"));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
