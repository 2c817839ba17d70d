package io.okpay.support.boundary;

import java.io.Serializable;

/**
 * How the desk is doing: tickets answered, the average time to the first reply (minutes, null before any), open
 * tickets past their first-reply time, and satisfaction (the average rating 1-5 and how many rated).
 */
public record DeskStats(long answered, Long averageFirstReplyMinutes, long overdue, Double averageRating, long rated)
        implements Serializable {
}
