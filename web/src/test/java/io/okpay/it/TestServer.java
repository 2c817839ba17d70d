package io.okpay.it;

import io.okpay.embedded.SharedTestServer;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * The one Payara Micro of the test run, with okpay.war and every test-support class (io.okpay.embedded
 * .IntegrationTestServices starts it before the first test; {@link #base()} waits until it is ready).
 * <p>
 * A black-box IT uses it as {@code final URL base = TestServer.base();}. Converting one written in the Arquillian
 * pattern: remove {@code @ExtendWith(ArquillianExtension.class)}, {@code @RunAsClient} and the
 * {@code @Deployment} method (the classes it added are in the server already: every test class that is not an *IT or
 * *Test is), and replace {@code @ArquillianResource URL base;} by the line above. What the test changes on the server
 * it must leave as other tests expect it; its people, merchants and keys are its own (unique names), and it asserts
 * on those only, never on totals of the whole server. Settings all tests agree on are in web/pom.xml
 * ({@code okpay.it.server.options}). Arquillian stays only for tests that must run inside the server
 * ({@link Deployments}).
 */
public final class TestServer {

    private TestServer() {
    }

    public static URL base() {
        String base = SharedTestServer.awaitReady();
        try {
            return URI.create(base).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(base, e);
        }
    }
}
