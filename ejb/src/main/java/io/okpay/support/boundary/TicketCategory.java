package io.okpay.support.boundary;

import java.util.Locale;

/** What a support request is about; {@link #SECURITY} tickets are security reports: priority, and COMPLIANCE sees them. */
public enum TicketCategory {
    ACCOUNT, PAYMENT, SECURITY, VERIFICATION, MERCHANT, OTHER;

    /** The API's and the form's spelling ({@code account}, ...), or null for anything else. */
    public static TicketCategory parse(String value) {
        if (value == null) {
            return null;
        }
        for (TicketCategory category : values()) {
            if (category.name().equalsIgnoreCase(value.trim())) {
                return category;
            }
        }
        return null;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
