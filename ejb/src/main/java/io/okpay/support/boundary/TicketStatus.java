package io.okpay.support.boundary;

import java.util.Locale;

/**
 * Where a ticket stands: OPEN (the desk owes an answer), WAITING_ON_CUSTOMER (the desk answered), RESOLVED (the desk
 * considers it done; the person may rate it, and a reply opens it again), CLOSED (final).
 */
public enum TicketStatus {
    OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    public static TicketStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (TicketStatus status : values()) {
            if (status.name().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        return null;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
