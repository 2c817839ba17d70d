package io.okpay.webhook.control;

import io.okpay.webhook.entity.WebhookAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * POSTs one signed event over HTTP/1.1 to the address {@link ReceiverAddresses} checked, with the receiver's host name
 * in {@code Host}, in TLS SNI and in the certificate check: no client that looks the name up again is involved, so the
 * call cannot end up at an address nobody checked. Redirects are not followed: the merchant configured this URL, and
 * following a redirect would send the signed event somewhere nobody chose. Only the first
 * {@value WebhookAttempt#BODY_SLICE} characters of the answer are read, whatever the server sends.
 * <p>
 * {@code @Timeout} caps the whole call; it interrupts this thread, and the socket comes from a {@link SocketChannel}
 * so that the interrupt ends a blocked connect or read. The socket's own timeouts end a slow answer anyway. No
 * {@code @CircuitBreaker} here: it would be one breaker for all merchants' servers; {@link EndpointBreakers} keeps one
 * per endpoint.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "OKPay-Webhooks/1.0 (+https://github.com/okpay)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    /** What the merchant's server answered: its status and the start of its body. */
    public record Answer(int status, String bodySlice) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    @Timeout(value = 10_000)
    public Answer post(ReceiverAddresses.Receiver receiver, String body, String eventId, String signature) throws IOException {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        Socket socket = SocketChannel.open().socket();
        try {
            socket.connect(new InetSocketAddress(receiver.address(), receiver.port()), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout(remainingMillis(deadline));
            if (receiver.tls()) {
                socket = secure(socket, receiver);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request(receiver, body, eventId, signature));
            out.flush();
            return answer(new BufferedInputStream(socket.getInputStream()), socket, deadline);
        } finally {
            socket.close();
        }
    }

    /** TLS over the connected socket, for the receiver's name: SNI, and a certificate that must be for that name. */
    private static Socket secure(Socket plain, ReceiverAddresses.Receiver receiver) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, receiver.host(), receiver.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!receiver.host().contains(":") && !receiver.host().matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(receiver.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    static byte[] request(ReceiverAddresses.Receiver receiver, String body, String eventId, String signature) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String path = receiver.url().getRawPath() == null || receiver.url().getRawPath().isEmpty() ? "/" : receiver.url().getRawPath();
        String target = receiver.url().getRawQuery() == null ? path : path + "?" + receiver.url().getRawQuery();
        boolean defaultPort = receiver.port() == (receiver.tls() ? 443 : 80);
        String host = (receiver.host().contains(":") ? "[" + receiver.host() + "]" : receiver.host())
                + (defaultPort ? "" : ":" + receiver.port());
        String head = "POST " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "OKPay-Event-Id: " + eventId + "\r\n"
                + "OKPay-Signature: " + signature + "\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + content.length);
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        return request.toByteArray();
    }

    /** The status line (after any 1xx), the headers, and the start of the body, decoded when chunked. */
    static Answer answer(InputStream in, Socket socket, long deadline) throws IOException {
        int status;
        boolean chunked = false;
        long length = -1;
        do {
            status = status(line(in, socket, deadline));
            for (int i = 0; ; i++) {
                String header = line(in, socket, deadline);
                if (header.isEmpty()) {
                    break;
                }
                if (i == MAX_HEADERS) {
                    throw new ProtocolException("too many headers");
                }
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                if (name.equals("transfer-encoding")) {
                    chunked = value.endsWith("chunked");
                } else if (name.equals("content-length")) {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("bad content length");
                    }
                }
            }
        } while (status >= 100 && status < 200);
        int wanted = WebhookAttempt.BODY_SLICE * 4;
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        if (chunked) {
            while (start.size() < wanted) {
                String size = line(in, socket, deadline);
                int extension = size.indexOf(';');
                int chunk;
                try {
                    chunk = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad chunk");
                }
                if (chunk <= 0) {
                    break;
                }
                copy(in, socket, deadline, start, Math.min(chunk, wanted - start.size()));
                if (start.size() < wanted) {
                    line(in, socket, deadline);
                }
            }
        } else if (status != 204 && status != 304) {
            copy(in, socket, deadline, start, length < 0 ? wanted : (int) Math.min(length, wanted));
        }
        String text = start.toString(StandardCharsets.UTF_8);
        return new Answer(status, text.length() > WebhookAttempt.BODY_SLICE ? text.substring(0, WebhookAttempt.BODY_SLICE) : text);
    }

    private static int status(String line) throws ProtocolException {
        // "HTTP/1.1 200 OK"
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x answer");
        }
        try {
            int status = Integer.parseInt(line.substring(9, 12));
            if (status < 100 || status > 599) {
                throw new ProtocolException("bad status");
            }
            return status;
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status");
        }
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, at most {@value #MAX_LINE} bytes. */
    private static String line(InputStream in, Socket socket, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("answer ended early");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new ProtocolException("line too long");
            }
            line.append((char) b);
        }
    }

    /** Up to {@code count} bytes of the body; an answer that ends sooner (no length given) is fine. */
    private static void copy(InputStream in, Socket socket, long deadline, ByteArrayOutputStream to, int count) throws IOException {
        byte[] buffer = new byte[Math.max(1, Math.min(count, 2048))];
        int left = count;
        while (left > 0) {
            socket.setSoTimeout(remainingMillis(deadline));
            int read = in.read(buffer, 0, Math.min(left, buffer.length));
            if (read < 0) {
                return;
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("request timeout");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
