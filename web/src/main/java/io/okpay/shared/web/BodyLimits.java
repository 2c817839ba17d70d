package io.okpay.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body: {@value #MAX_BODY_KEY} bytes (1 MB by default: JSON for the API, forms for the pages),
 * {@value #MAX_STATEMENT_KEY} (10 MB) for bank statement imports, {@value #MAX_UPLOAD_KEY} (32 MB) for identity
 * verifications (up to three documents) and screening lists, in the API and on their pages. A declared Content-Length above the limit is
 * refused at once, before anything is read; a body sent without one (chunked) is counted as it is read and fails with
 * {@link TooLarge} at the first byte too many, which the API answers as 413 request_too_large like the first case.
 * Form posts the container parses itself are bounded by its own max-post-size as well.
 * <p>
 * Before it answers, the rest of the body is read and thrown away (up to {@value #DRAIN_MAX} bytes): a client still
 * sending, an HTTP/2 one above all, otherwise loses the connection instead of getting the 413.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimits extends HttpFilter {

    public static final String MAX_BODY_KEY = "okpay.http.max-body-bytes";
    public static final String MAX_STATEMENT_KEY = "okpay.http.max-statement-bytes";
    static final String STATEMENT_IMPORTS = "/api/v1/admin/statements";
    /** Requests that carry files (support requests, identity documents, screening lists) take up to this key's bytes. */
    public static final String MAX_UPLOAD_KEY = "okpay.http.max-upload-bytes";
    static final java.util.Set<String> UPLOADS = java.util.Set.of("/api/v1/verifications", "/kyc/verify.xhtml",
            "/api/v1/admin/screening-lists", "/admin/verifications.xhtml");
    static final long DRAIN_MAX = 32L << 20;

    private long maxBody;
    private long maxStatement;
    private long maxUpload;

    /** A request body went past its limit while it was read. */
    public static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        maxBody = config.getOptionalValue(MAX_BODY_KEY, Long.class).orElse(1L << 20);
        maxStatement = config.getOptionalValue(MAX_STATEMENT_KEY, Long.class).orElse(10L << 20);
        maxUpload = config.getOptionalValue(MAX_UPLOAD_KEY, Long.class).orElse(32L << 20);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        long limit = path.equals(STATEMENT_IMPORTS) ? maxStatement
                : UPLOADS.contains(path) || path.startsWith("/api/v1/support/") || path.startsWith("/support/") ? maxUpload
                : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            if (declared <= DRAIN_MAX) {
                drain(request.getInputStream());
            }
            // web.xml sends 413 to ErrorPages: problem+json under /api, the request error page elsewhere.
            response.sendError(413);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Reads what is left of a body, holding nothing of it, up to {@link #DRAIN_MAX} bytes in all. */
    static void drain(ServletInputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; total < DRAIN_MAX && (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                drain(in);
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
