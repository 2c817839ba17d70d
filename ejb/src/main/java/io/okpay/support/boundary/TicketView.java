package io.okpay.support.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.Serializable;
import java.time.Instant;

/**
 * A ticket as the person, the pages and the desk see it; {@link #json()} is its API representation. {@code id} is also
 * the ticket's number, quoted in the subject of every e-mail about it.
 */
public record TicketView(String id, String userId, String requesterEmail, TicketCategory category, String subject,
                         TicketStatus status, boolean priority, Channel channel, String transactionId,
                         String assigneeId, Instant createdAt, Instant updatedAt, Instant firstReplyDueAt,
                         Instant firstRepliedAt, Instant resolvedAt, Integer rating, boolean overdue)
        implements Serializable {

    public boolean securityReport() {
        return category == TicketCategory.SECURITY;
    }

    /** Resolved or closed, not yet rated: the person may rate the answer. */
    public boolean rateable() {
        return rating == null && (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED);
    }

    public JsonObject json() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("object", "support.ticket")
                .add("category", category.code())
                .add("subject", subject)
                .add("status", status.code())
                .add("priority", priority ? "high" : "normal")
                .add("channel", channel.code())
                .add("created", createdAt.toString())
                .add("updated", updatedAt.toString())
                .add("first_reply_due_at", firstReplyDueAt.toString())
                .add("overdue", overdue);
        if (transactionId != null) {
            json.add("transaction_id", transactionId);
        }
        if (firstRepliedAt != null) {
            json.add("first_replied_at", firstRepliedAt.toString());
        }
        if (resolvedAt != null) {
            json.add("resolved_at", resolvedAt.toString());
        }
        if (rating != null) {
            json.add("rating", rating);
        }
        return json.build();
    }

    /** The desk's view adds who asked and who has it. */
    public JsonObject deskJson() {
        JsonObjectBuilder json = Json.createObjectBuilder(json()).add("requester_email", requesterEmail);
        if (userId != null) {
            json.add("user_id", userId);
        }
        if (assigneeId != null) {
            json.add("assignee_id", assigneeId);
        }
        return json.build();
    }
}
