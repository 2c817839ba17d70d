package io.okpay.support.boundary;

import java.time.Instant;

/**
 * A live chat as the sockets need it: who (the person's and the operator's public ids and names), where it stands,
 * its lines so far, when each side last typed, the last line each side was sent, and its ticket once it ended.
 */
public record ChatView(String id, String userId, String personName, String operatorId, String operatorName,
                       ChatStatus status, TicketCategory category, int lines, Instant personTypingAt,
                       Instant operatorTypingAt, int personReceived, int operatorReceived, Instant createdAt,
                       String ticketId) {

    /** The side typed within {@code seconds} before {@code now}. */
    public boolean typing(boolean person, Instant now, long seconds) {
        Instant at = person ? personTypingAt : operatorTypingAt;
        return at != null && at.isAfter(now.minusSeconds(seconds));
    }
}
