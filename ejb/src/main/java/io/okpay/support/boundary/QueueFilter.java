package io.okpay.support.boundary;

import java.io.Serializable;

/** What the desk's queue shows: a status (null: every one not closed), only overdue, a category, only mine/unassigned. */
public record QueueFilter(TicketStatus status, boolean overdueOnly, TicketCategory category, String assignee)
        implements Serializable {

    /** The assignee value meaning "nobody has it yet". */
    public static final String UNASSIGNED = "-";

    public static QueueFilter all() {
        return new QueueFilter(null, false, null, null);
    }
}
