package io.okpay.kyc.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A verification as its person and compliance see it, without personal details: id ({@code kyc_...}), status, when it
 * was sent and decided, the reason the person reads, the document compliance asks for, the files (no content) and the
 * history.
 */
public record VerificationView(String id, String userId, VerificationStatus status, Instant createdAt, Instant decidedAt,
                               String reason, String requestedDocument, List<DocumentView> documents,
                               List<EventView> history) implements Serializable {

    /** The status in lower case, as in the API and the bundle keys. */
    public String statusName() {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
