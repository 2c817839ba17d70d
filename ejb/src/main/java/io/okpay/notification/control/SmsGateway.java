package io.okpay.notification.control;

/**
 * Sends a text message. {@link HttpSmsGateway} talks to a real provider; {@link SandboxSmsGateway} keeps messages in a
 * file for developers. okpay.sms.gateway chooses ("sandbox" by default).
 */
public interface SmsGateway {

    /** Throws when the message was not accepted; the outbox tries again later. */
    void send(String phoneNumber, String text) throws Exception;
}
