package io.okpay.notification.boundary;

/**
 * Which outbox events go first: someone is waiting for an URGENT one (a code, a link); a NORMAL one (a receipt, a
 * decision) can wait. Stored as its position, lower first: the order of the constants is the order of delivery.
 */
public enum OutboxPriority { URGENT, NORMAL }
