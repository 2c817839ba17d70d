package io.okpay.webhook.control;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.io.InterruptedIOException;

/**
 * What the delivery log says about an attempt that got no answer: one code from a fixed list, shown to the merchant
 * (localized on the page as {@code webhooks.error.<code>}). Never the exception's own text: it can name internal
 * hosts, addresses, ports and library details, which the server log keeps for operators instead.
 */
public final class DeliveryErrors {

    public static final String ADDRESS_NOT_PUBLIC = "address_not_public";
    public static final String TIMEOUT = "timeout";
    public static final String UNKNOWN_HOST = "unknown_host";
    public static final String CONNECTION_REFUSED = "connection_refused";
    public static final String TLS_FAILED = "tls_failed";
    public static final String INVALID_RESPONSE = "invalid_response";
    public static final String CONNECTION_FAILED = "connection_failed";

    private DeliveryErrors() {
    }

    /**
     * The code for a failed attempt.
     *
     * @param interrupted whether the thread was interrupted: Fault Tolerance's timeout interrupts it, and what the
     *                    interrupted call then throws (a closed channel, a socket error) is the timeout's doing
     */
    public static String code(Throwable failure, boolean interrupted) {
        if (failure instanceof ReceiverAddresses.NotPublic) {
            return ADDRESS_NOT_PUBLIC;
        }
        if (interrupted || failure instanceof TimeoutException || failure instanceof InterruptedIOException
                || failure instanceof InterruptedException || failure instanceof ClosedByInterruptException) {
            return TIMEOUT;
        }
        if (failure instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return CONNECTION_REFUSED;
        }
        if (failure instanceof SSLException) {
            return TLS_FAILED;
        }
        // Not HTTP, or HTTP broken: no status line, a bad one, oversized headers, bad chunks, a body cut short.
        if (failure instanceof ClientProtocolException || failure instanceof NoHttpResponseException
                || failure instanceof MessageConstraintException || failure instanceof MalformedChunkCodingException
                || failure instanceof ConnectionClosedException) {
            return INVALID_RESPONSE;
        }
        return CONNECTION_FAILED;
    }
}
