package io.okpay.ear;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR on a full Payara Server 6, unpacked from Maven Central by this module's build: a domain of its own on
 * port base 28000, started bare, then configured and deployed by docker/payara-server/deploy.sh (the script README
 * "Deploying" gives operators) with the test database and mail server, the application checked over HTTP, the script
 * run a second time (a redeploy), the domain stopped and removed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarDeploymentIT {

    private static final int PORT_BASE = 28000;
    private static final String DOMAIN = "okpay-it";
    private static final String CARD_API_KEY = "sk_ear_check";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path payaraHome;
    private static String http;

    @BeforeAll
    static void deploy() throws Exception {
        payaraHome = Path.of(System.getProperty("payara.home"));
        assertTrue(Files.isRegularFile(Path.of(System.getProperty("okpay.ear"))), "okpay.ear is missing");
        http = "http://127.0.0.1:" + (PORT_BASE + 80);
        run(asadmin("delete-domain", DOMAIN));
        runOk(asadmin("create-domain", "--nopassword", "--portbase", Integer.toString(PORT_BASE), DOMAIN));
        // The domain's process gets no OKPay setting from its environment: all of them come from the script.
        runOk(asadmin("start-domain", DOMAIN));
        runOk(deployScript());
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (payaraHome != null) {
            run(asadmin("stop-domain", "--kill", DOMAIN));
            run(asadmin("delete-domain", DOMAIN));
        }
    }

    @Test
    @Order(1)
    @DisplayName("the EAR on Payara Server is ready, serves the landing page and answers the API")
    void earServes() throws Exception {
        HttpResponse<String> ready = awaitOk(http + "/health/ready");
        assertTrue(ready.body().contains("\"UP\""), ready.body());

        HttpResponse<String> currencies = get(http + "/api/v1/currencies");
        assertEquals(200, currencies.statusCode());
        assertTrue(currencies.body().contains("\"USD\""), currencies.body());

        HttpResponse<String> missing = get(http + "/api/v1/no-such-thing");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json;charset=UTF-8", missing.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> landing = get(http + "/");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("OKPay"));
    }

    @Test
    @Order(2)
    @DisplayName("the deployment script runs again with a changed setting (a redeploy) and leaves no secret in domain.xml")
    void deployScriptRunsAgain() throws Exception {
        // A further setting from a properties file, with the characters asadmin's property syntax escapes.
        String operator = "EAR check operator: second run = redeployed";
        Path properties = Files.writeString(Path.of("target", "okpay-ear-check.properties"), "okpay.operator.name=" + operator + "\n");
        ProcessBuilder again = deployScript();
        again.environment().put("OKPAY_PROPERTIES", properties.toString());
        runOk(again);
        HttpResponse<String> landing = get(http + "/");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains(operator), "the redeployed EAR reads the changed setting");

        String domainXml = Files.readString(payaraHome.resolve("glassfish/domains/" + DOMAIN + "/config/domain.xml"));
        assertTrue(domainXml.contains("name=\"db.url\""), "the settings are system properties of the domain");
        for (String secret : List.of(System.getProperty("okpay.it.db.password"),
                System.getProperty("okpay.it.db.migration.password"), System.getProperty("okpay.it.master-key"), CARD_API_KEY)) {
            assertFalse(domainXml.contains(secret), "a secret is in domain.xml in plain text");
        }
    }

    private static HttpResponse<String> awaitOk(String url) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(url);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(url + " never answered 200; last: " + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ProcessBuilder asadmin(String... args) {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** docker/payara-server/deploy.sh with the test services as an operator would give their own. */
    private static ProcessBuilder deployScript() {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("okpay.deploy.script"));
        Map<String, String> env = builder.environment();
        env.put("ASADMIN", payaraHome.resolve("bin/asadmin").toString());
        env.put("PAYARA_ADMIN_PORT", Integer.toString(PORT_BASE + 48));
        env.put("OKPAY_EAR", System.getProperty("okpay.ear"));
        env.put("OKPAY_READY_URL", http + "/health/ready");
        env.put("DB_URL", System.getProperty("okpay.it.db.url"));
        env.put("DB_USER", System.getProperty("okpay.it.db.user"));
        env.put("DB_PASSWORD", System.getProperty("okpay.it.db.password"));
        // Production's two accounts: the schema's owner migrates, the datasource's account only reads and writes rows.
        env.put("DB_MIGRATION_USER", System.getProperty("okpay.it.db.migration.user"));
        env.put("DB_MIGRATION_PASSWORD", System.getProperty("okpay.it.db.migration.password"));
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", System.getProperty("okpay.it.smtp.port"));
        env.put("OKPAY_MASTER_KEY", System.getProperty("okpay.it.master-key"));
        env.put("OKPAY_BASE_URL", http);
        // A production set-up: a card processor and an SMS provider (none is called here), no sandbox part.
        env.put("OKPAY_CARD_GATEWAY_URL", "http://127.0.0.1:9/processor");
        env.put("OKPAY_CARD_API_KEY", CARD_API_KEY);
        env.put("OKPAY_SMS_GATEWAY", "http");
        env.put("OKPAY_SMS_HTTP_URL", "http://127.0.0.1:9/sms");
        return builder;
    }

    private static void runOk(ProcessBuilder builder) throws Exception {
        assertEquals(0, run(builder), String.join(" ", builder.command()) + " failed; see target/asadmin.log");
    }

    /** Runs asadmin or the script, its output appended to target/asadmin.log. */
    private static int run(ProcessBuilder builder) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "asadmin.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("AS_JAVA", System.getProperty("java.home"));
        // asadmin and the domain live a minute: the JIT's first tier costs this 2-core machine less CPU than both tiers.
        env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish in 5 minutes");
        }
        return process.exitValue();
    }
}
