package io.okpay.notification.boundary;

/**
 * Delivers one type of outbox event to the outside world. Implementations are CDI beans. Delivery runs outside any
 * transaction; throwing means "not delivered, try again later", so delivery must be safe to repeat (at-least-once).
 */
public interface OutboxHandler {

    String type();

    void deliver(String payloadJson) throws Exception;

    /**
     * The dispatcher has delivered what was due for now: release what was kept open for the next delivery (an SMTP
     * connection, say). Called after every pass, also one that failed.
     */
    default void passFinished() {
    }

    /**
     * What the outbox keeps of an event once it is delivered: by default all of it; handlers of events that carry
     * secrets (codes, links that open an account) blank them and keep the rest as the record of what was sent.
     */
    default String afterDelivery(String payloadJson) {
        return payloadJson;
    }
}
