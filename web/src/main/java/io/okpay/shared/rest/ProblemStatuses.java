package io.okpay.shared.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The HTTP status of each error code, from the table {@code problem-statuses.properties} next to this class: the
 * thrower of a {@link io.okpay.shared.BusinessException} names what went wrong, and this is the one place that decides
 * what HTTP calls it.
 */
public final class ProblemStatuses {

    static final String TABLE = "problem-statuses.properties";
    /** A code missing from the table (a test keeps that from happening) is still a refusal, not a failure of ours. */
    static final int UNLISTED = 422;

    private static final Logger LOG = Logger.getLogger(ProblemStatuses.class.getName());
    private static final Map<String, Integer> STATUSES = read();

    private ProblemStatuses() {
    }

    public static int of(String code) {
        Integer status = STATUSES.get(code);
        if (status == null) {
            LOG.warning(() -> "No HTTP status for the error code " + code + " in " + TABLE + "; answering " + UNLISTED);
            return UNLISTED;
        }
        return status;
    }

    /** Every code in the table with its status. */
    static Map<String, Integer> all() {
        return STATUSES;
    }

    private static Map<String, Integer> read() {
        Properties table = new Properties();
        try (InputStream in = ProblemStatuses.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing");
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> statuses = new TreeMap<>();
        table.forEach((code, status) -> statuses.put((String) code, Integer.valueOf(((String) status).strip())));
        return Map.copyOf(statuses);
    }
}
