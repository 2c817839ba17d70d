package io.okpay.webhook.control;

import io.okpay.webhook.entity.WebhookAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * POSTs one signed event with Apache HttpClient to the address {@link ReceiverAddresses} checked: the client's only
 * name lookup is a {@link DnsResolver} that answers that pinned address for the receiver's host and nothing for any
 * other name, so the call cannot end up at an address nobody checked, while {@code Host}, TLS SNI and the certificate
 * check still use the receiver's name. Each call has its own connection, never reused for another (re-pinned) call.
 * Redirects are not followed: the merchant configured this URL, and following a redirect would send the signed event
 * somewhere nobody chose. Nothing is retried here ({@link RetrySchedule} does that). Only the start of the answer is
 * read; the connection is then dropped, whatever is left.
 * <p>
 * {@code @Timeout} caps the whole call; it interrupts this thread, and the sockets come from {@link SocketChannel}s so
 * that the interrupt ends a blocked connect or read. The client's own timeouts end a slow answer anyway. No
 * {@code @CircuitBreaker} here: it would be one breaker for all merchants' servers; {@link EndpointBreakers} keeps one
 * per endpoint.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "OKPay-Webhooks/1.0 (+https://github.com/okpay)";
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(10);
    private static final ContentType JSON = ContentType.create("application/json", StandardCharsets.UTF_8);
    /** Bytes read of the body: enough for {@value WebhookAttempt#BODY_SLICE} characters of UTF-8. */
    private static final int BODY_BYTES = WebhookAttempt.BODY_SLICE * 4;
    /** Interruptible sockets (see the class comment); no proxy is ever configured. */
    private static final DetachedSocketFactory INTERRUPTIBLE_SOCKETS = proxy -> SocketChannel.open().socket();

    /** What the merchant's server answered: its status and the start of its body. */
    public record Answer(int status, String bodySlice) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    @org.eclipse.microprofile.faulttolerance.Timeout(value = 10_000)
    public Answer post(ReceiverAddresses.Receiver receiver, String body, String eventId, String signature) throws IOException {
        HttpPost post = new HttpPost(receiver.url());
        post.setHeader("OKPay-Event-Id", eventId);
        post.setHeader("OKPay-Signature", signature);
        post.setHeader(HttpHeaders.CONNECTION, "close");
        post.setEntity(new StringEntity(body, JSON));
        CloseableHttpClient client = client(receiver);
        try {
            return answer(client.executeOpen(null, post, null));
        } finally {
            // Closing the answer would read its body to the end: the client and its one connection go at once.
            client.close(CloseMode.IMMEDIATE);
        }
    }

    private static CloseableHttpClient client(ReceiverAddresses.Receiver receiver) throws IOException {
        TlsSocketStrategy tls;
        try {
            // The JVM's trust store, as configured for the server; the host name is checked against the certificate.
            tls = new DefaultClientTlsStrategy(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
        BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(INTERRUPTIBLE_SOCKETS, DefaultSchemePortResolver.INSTANCE,
                        pinned(receiver), RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build()),
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(CONNECT_TIMEOUT).setSocketTimeout(RESPONSE_TIMEOUT).build());
        connections.setTlsConfig(TlsConfig.custom().setHandshakeTimeout(RESPONSE_TIMEOUT).build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT)
                        .setAuthenticationEnabled(false).setExpectContinueEnabled(false)
                        .setProtocolUpgradeEnabled(false).build())
                .setUserAgent(USER_AGENT)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /** The receiver's host answers the checked address; any other name is unknown, so nothing else gets looked up. */
    static DnsResolver pinned(ReceiverAddresses.Receiver receiver) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                check(host);
                return new InetAddress[]{receiver.address()};
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                check(host);
                return receiver.host();
            }

            private void check(String host) throws UnknownHostException {
                String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                if (!bare.toLowerCase(Locale.ROOT).equals(receiver.host().toLowerCase(Locale.ROOT))) {
                    throw new UnknownHostException("not the receiver's host");
                }
            }
        };
    }

    /** The status and the start of the body (decoded when chunked); the rest is never read. */
    private static Answer answer(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] start = entity == null ? new byte[0] : entity.getContent().readNBytes(BODY_BYTES);
        String text = new String(start, StandardCharsets.UTF_8);
        return new Answer(response.getCode(),
                text.length() > WebhookAttempt.BODY_SLICE ? text.substring(0, WebhookAttempt.BODY_SLICE) : text);
    }
}
