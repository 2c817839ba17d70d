package io.okpay.webhook.control;

import io.okpay.shared.Messages;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryErrorsTest {

    @Test
    @DisplayName("a failed attempt is logged as a fixed code: nothing of the exception's text (internal hosts, addresses) reaches the merchant")
    void codesOnly() {
        Map<Throwable, String> failures = Map.of(
                new UnknownHostException("billing.internal.okpay.lan"), "unknown_host",
                new ConnectException("Connection refused: 10.20.0.7:5432"), "connection_refused",
                new SSLHandshakeException("PKIX path building failed: vault.corp"), "tls_failed",
                new ClientProtocolException("Invalid protocol version: SSH-2.0-OpenSSH_9.6"), "invalid_response",
                new NoHttpResponseException("10.20.0.7:443 failed to respond"), "invalid_response",
                new SocketTimeoutException("Read timed out"), "timeout",
                new TimeoutException("WebhookSender#post timed out"), "timeout",
                new IOException("Connection reset by 10.20.0.9"), "connection_failed",
                new IllegalStateException("redis at 10.1.1.1:6379"), "connection_failed");
        failures.forEach((failure, code) -> assertEquals(code, DeliveryErrors.code(failure, false), failure.toString()));
        assertEquals("address_not_public", DeliveryErrors.code(new ReceiverAddresses.NotPublic(), false));
        assertEquals("timeout", DeliveryErrors.code(new ClosedByInterruptException(), false));
        assertEquals("timeout", DeliveryErrors.code(new SocketException("Closed by interrupt"), true),
                "what an interrupted call throws is the timeout's doing");
    }

    @Test
    @DisplayName("every code has its text on the webhooks page in English and Chinese")
    void codesHaveTexts() {
        for (String code : List.of(DeliveryErrors.ADDRESS_NOT_PUBLIC, DeliveryErrors.TIMEOUT, DeliveryErrors.UNKNOWN_HOST,
                DeliveryErrors.CONNECTION_REFUSED, DeliveryErrors.TLS_FAILED, DeliveryErrors.INVALID_RESPONSE,
                DeliveryErrors.CONNECTION_FAILED)) {
            for (var locale : Messages.SUPPORTED) {
                assertTrue(Messages.has(locale, "webhooks.error." + code), locale + " " + code);
            }
        }
    }
}
