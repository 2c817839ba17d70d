package io.okpay.support.boundary;

import java.util.List;

/** What a person asks: category, subject, message, optionally one of their transactions, and files. */
public record NewTicket(String category, String subject, String message, String transactionId, List<Upload> uploads) {

    public NewTicket {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
