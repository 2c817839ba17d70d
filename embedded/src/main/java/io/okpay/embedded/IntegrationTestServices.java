package io.okpay.embedded;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the database, the mail server and the one Payara Micro of the run once per test JVM, and publishes where they
 * are as system properties:
 * {@code okpay.it.db.url}, {@code okpay.it.db.user}, {@code okpay.it.db.password} (the schema of that server, or of
 * the EAR check, which starts no Payara Micro: the build sets {@code okpay.it.test-classes} for the web module only;
 * the account may only read and write rows), {@code okpay.it.db.migration.user} and
 * {@code okpay.it.db.migration.password} (the schema's owner, which migrates it),
 * {@code okpay.it.card-processor.port} (the server's card gateway calls 127.0.0.1 on this port: the tests that use
 * cards put their forwarding proxy there), {@code okpay.it.mail.api}, {@code okpay.it.smtp.port},
 * {@code okpay.it.master-key} (a fresh master key per run), and for the in-container tests that Arquillian deploys in
 * a Payara of their own (arquillian.xml) a schema of their own: {@code okpay.it.container.db.url},
 * {@code okpay.it.container.db.user}, {@code okpay.it.container.db.password} and the same {@code .migration.} pair.
 * Both servers get {@code okpay.it.server.options} (the test settings, from the build). The shared server (okpay.war
 * and the test-support classes) is started, not awaited: black-box tests wait for it and take its address from
 * {@link SharedTestServer#awaitReady()}.
 * Active only when the build sets {@code okpay.it=true} (Failsafe). OKPAY_TEST_DB_URL (with OKPAY_TEST_DB_USER and
 * OKPAY_TEST_DB_PASSWORD, an account that may create a database and users) replaces the embedded MariaDB.
 */
public final class IntegrationTestServices implements LauncherSessionListener {

    /** The owners of the two schemas: they migrate; the servers run on okpay_it and okpay_it_container. */
    private static final String OWNER = "okpay_it_owner";
    private static final String CONTAINER_OWNER = "okpay_it_container_owner";

    private final List<AutoCloseable> started = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("okpay.it") || System.getProperty("okpay.it.db.url") != null) {
            return;
        }
        try {
            Path work = Files.createTempDirectory("okpay-it-");
            started.add(() -> ChildProcesses.deleteTree(work));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "okpay-it-stop"));
            String adminUrl = System.getenv("OKPAY_TEST_DB_URL");
            EmbeddedDatabase db = null;
            if (adminUrl == null || adminUrl.isBlank()) {
                db = EmbeddedDatabase.start(ChildProcesses.freePort(), null);
                started.add(db);
            }
            // Each schema as in production (README "Two database accounts"): an owner that migrates, and the account
            // the server runs on, which may only read and write rows; every test then runs on the narrow one.
            String password = UUID.randomUUID().toString();
            String ownerPassword = UUID.randomUUID().toString();
            String containerPassword = UUID.randomUUID().toString();
            String containerOwnerPassword = UUID.randomUUID().toString();
            EmbeddedDatabase.Account[] accounts = {
                    EmbeddedDatabase.Account.rowsOnly("okpay_it", "okpay_it", password),
                    EmbeddedDatabase.Account.owner("okpay_it", OWNER, ownerPassword),
                    EmbeddedDatabase.Account.rowsOnly("okpay_it_container", "okpay_it_container", containerPassword),
                    EmbeddedDatabase.Account.owner("okpay_it_container", CONTAINER_OWNER, containerOwnerPassword)};
            List<String> urls = db != null ? db.provision(accounts)
                    : EmbeddedDatabase.provisionSchemas(adminUrl, envOr("OKPAY_TEST_DB_USER", "root"),
                    envOr("OKPAY_TEST_DB_PASSWORD", ""), accounts);
            String url = urls.get(0);
            String containerUrl = urls.get(2);
            EmbeddedMail mail = EmbeddedMail.start(ChildProcesses.freePort(), ChildProcesses.freePort(),
                    ChildProcesses.freePort(), work.resolve("mail.log"));
            started.add(mail);
            String masterKey = MasterKeyFile.newKey();
            int cardProcessorPort = ChildProcesses.freePort();

            System.setProperty("okpay.it.db.url", url);
            System.setProperty("okpay.it.db.user", "okpay_it");
            System.setProperty("okpay.it.db.password", password);
            System.setProperty("okpay.it.db.migration.user", OWNER);
            System.setProperty("okpay.it.db.migration.password", ownerPassword);
            System.setProperty("okpay.it.container.db.url", containerUrl);
            System.setProperty("okpay.it.container.db.user", "okpay_it_container");
            System.setProperty("okpay.it.container.db.password", containerPassword);
            System.setProperty("okpay.it.container.db.migration.user", CONTAINER_OWNER);
            System.setProperty("okpay.it.container.db.migration.password", containerOwnerPassword);
            System.setProperty("okpay.it.smtp.port", Integer.toString(mail.smtpPort()));
            System.setProperty("okpay.it.mail.api", mail.apiUrl());
            System.setProperty("okpay.it.imap.port", Integer.toString(mail.imapPort()));
            System.setProperty("okpay.it.master-key", masterKey);
            System.setProperty("okpay.it.card-processor.port", Integer.toString(cardProcessorPort));

            if (System.getProperty("okpay.it.test-classes") == null) {
                return; // the EAR check deploys on Payara Server itself
            }
            List<String> options = new ArrayList<>(IntegrationTestServer.options(System.getProperty("okpay.it.server.options")));
            options.addAll(IntegrationTestServer.properties(Map.ofEntries(
                    Map.entry("db.url", url), Map.entry("db.user", "okpay_it"), Map.entry("db.password", password),
                    Map.entry("db.migration.user", OWNER), Map.entry("db.migration.password", ownerPassword),
                    Map.entry("smtp.host", "127.0.0.1"), Map.entry("smtp.port", Integer.toString(mail.smtpPort())),
                    Map.entry("okpay.it.mail.api", mail.apiUrl()),
                    Map.entry("okpay.support.imap.host", "127.0.0.1"),
                    Map.entry("okpay.support.imap.port", Integer.toString(mail.imapPort())),
                    Map.entry("okpay.support.imap.ssl", "false"),
                    Map.entry("okpay.master-key", masterKey),
                    Map.entry("okpay.card.gateway-url", "http://127.0.0.1:" + cardProcessorPort + "/sandbox/acquirer"))));
            IntegrationTestServer server = IntegrationTestServer.launch(Path.of(required("okpay.war")),
                    Path.of(required("okpay.it.test-classes")), work, options, Path.of(required("okpay.it.server.log")));
            started.add(server);
            SharedTestServer.started(server);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the integration-test services", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopAll();
    }

    private synchronized void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping test services: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The build sets " + property + " for the integration tests (web/pom.xml)");
        }
        return value;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
