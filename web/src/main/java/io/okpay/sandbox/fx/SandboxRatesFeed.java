package io.okpay.sandbox.fx;

import io.okpay.shared.SandboxPart;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sandbox's exchange-rate feed at {@value #PATH}: a dated snapshot of reference rates in the ECB's own format
 * (eurofxref-daily.xml), so the run command converts currencies on a machine without internet, through the same ECB
 * code that reads the real feed. Off (404) unless {@code okpay.sandbox.fx.enabled=true}.
 */
@WebServlet(SandboxRatesFeed.PATH)
public class SandboxRatesFeed extends HttpServlet {

    public static final String PATH = "/sandbox/fx/eurofxref-daily.xml";

    @Inject
    Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SandboxPart.FX_FEED.on(config)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/xml;charset=UTF-8");
        response.getOutputStream().write(snapshot());
    }

    /** The snapshot's bytes, as shipped. */
    public static byte[] snapshot() {
        try (InputStream in = SandboxRatesFeed.class.getResourceAsStream("eurofxref-daily.xml")) {
            if (in == null) {
                throw new IllegalStateException("the sandbox rate snapshot is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
