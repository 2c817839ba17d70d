package io.okpay.embedded;

import java.io.IOException;

/**
 * The test run's shared server as the tests see it. The launcher session starts it without waiting, so that the first
 * tests (an in-container test booting a server of its own) run while it boots; the black-box tests wait here.
 */
public final class SharedTestServer {

    private static IntegrationTestServer server;
    private static boolean ready;

    private SharedTestServer() {
    }

    static synchronized void started(IntegrationTestServer started) {
        server = started;
        ready = false;
    }

    /** The server's base URL once it answers ready. */
    public static synchronized String awaitReady() {
        if (server == null) {
            throw new IllegalStateException("The test server is not started: run the integration tests through "
                    + "Failsafe (./mvnw verify), which starts it");
        }
        if (!ready) {
            try {
                server.awaitReady();
            } catch (IOException e) {
                throw new IllegalStateException("The test server's log could not be read", e);
            }
            ready = true;
        }
        return server.baseUrl();
    }
}
