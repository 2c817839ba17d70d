package io.okpay.embedded;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Starts the database and the mail server once per test JVM, before Arquillian starts Payara Micro, and publishes where
 * they are as system properties that arquillian.xml hands to the server:
 * {@code okpay.it.db.url}, {@code okpay.it.db.user}, {@code okpay.it.db.password}, {@code okpay.it.smtp.port},
 * {@code okpay.it.mail.api}, {@code okpay.it.master-key} (a fresh master key per run).
 * Active only when the build sets {@code okpay.it=true} (Failsafe). OKPAY_TEST_DB_URL (with OKPAY_TEST_DB_USER and
 * OKPAY_TEST_DB_PASSWORD, an account that may create a database and users) replaces the embedded MariaDB.
 */
public final class IntegrationTestServices implements LauncherSessionListener {

    private final List<AutoCloseable> started = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("okpay.it") || System.getProperty("okpay.it.db.url") != null) {
            return;
        }
        try {
            Path work = Files.createTempDirectory("okpay-it-");
            started.add(() -> ChildProcesses.deleteTree(work));
            String adminUrl = System.getenv("OKPAY_TEST_DB_URL");
            String password = UUID.randomUUID().toString();
            String url;
            if (adminUrl == null || adminUrl.isBlank()) {
                EmbeddedDatabase db = EmbeddedDatabase.start(ChildProcesses.freePort(), null);
                started.add(db);
                url = db.provision("okpay_it", "okpay_it", password);
            } else {
                url = EmbeddedDatabase.provisionSchema(adminUrl, envOr("OKPAY_TEST_DB_USER", "root"),
                        envOr("OKPAY_TEST_DB_PASSWORD", ""), "okpay_it", "okpay_it", password);
            }
            EmbeddedMail mail = EmbeddedMail.start(ChildProcesses.freePort(), ChildProcesses.freePort(), work.resolve("mail.log"));
            started.add(mail);

            System.setProperty("okpay.it.db.url", url);
            System.setProperty("okpay.it.db.user", "okpay_it");
            System.setProperty("okpay.it.db.password", password);
            System.setProperty("okpay.it.smtp.port", Integer.toString(mail.smtpPort()));
            System.setProperty("okpay.it.mail.api", mail.apiUrl());
            System.setProperty("okpay.it.master-key", MasterKeyFile.newKey());
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "okpay-it-stop"));
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

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
