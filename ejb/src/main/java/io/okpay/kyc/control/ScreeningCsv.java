package io.okpay.kyc.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a screening list: CSV (Apache Commons CSV, RFC 4180) with the columns name, date of birth (YYYY-MM-DD or
 * empty), country (ISO 3166 alpha-2 or empty) and source; a first line "name,date_of_birth,country,source" is a header
 * and skipped. A name is required; a line that cannot be read is a field error naming its line number.
 */
public final class ScreeningCsv {

    public static final int MAX_ENTRIES = 100_000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** One entry as read. */
    public record Line(String name, LocalDate dateOfBirth, String country, String source) {
    }

    private ScreeningCsv() {
    }

    public static List<Line> read(String text) {
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(body))) {
            for (CSVRecord record : parser) {
                long number = record.getRecordNumber();
                if (number == 1 && "name".equalsIgnoreCase(record.get(0))) {
                    continue;
                }
                if (record.size() > 4 || record.get(0).isEmpty() || record.get(0).length() > 300) {
                    throw invalid(number);
                }
                String dob = record.size() > 1 ? record.get(1) : "";
                String country = record.size() > 2 ? record.get(2).toUpperCase(Locale.ROOT) : "";
                String source = record.size() > 3 ? record.get(3) : "";
                if (!country.isEmpty() && !COUNTRIES.contains(country) || source.length() > 200) {
                    throw invalid(number);
                }
                lines.add(new Line(record.get(0), dob.isEmpty() ? null : date(dob, number),
                        country.isEmpty() ? null : country, source.isEmpty() ? null : source));
                if (lines.size() > MAX_ENTRIES) {
                    throw invalid(number);
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw BusinessException.invalid(List.of(new FieldError("file", "screening_list_unreadable")));
        }
        if (lines.isEmpty()) {
            throw BusinessException.invalid(List.of(new FieldError("file", "screening_list_empty")));
        }
        return lines;
    }

    private static LocalDate date(String value, long line) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(line);
        }
    }

    private static BusinessException invalid(long line) {
        return BusinessException.invalid(List.of(new FieldError("file", "screening_list_line_invalid", line)));
    }
}
