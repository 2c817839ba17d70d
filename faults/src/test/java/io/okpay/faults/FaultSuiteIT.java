package io.okpay.faults;

import io.okpay.bench.Api;
import io.okpay.client.OkPay;
import io.okpay.client.model.ApiKey;
import io.okpay.client.model.MerchantRequest;
import io.okpay.client.model.WebhookEndpoint;
import io.okpay.client.model.WebhookEndpointRequest;
import io.okpay.embedded.DevServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite (issue 18, README "The fault suite"): the cluster command's cluster (two Payara Micro instances in
 * one data grid, HAProxy in front, MariaDB and the mail catcher, the database and SMTP reached through links the suite
 * can cut), a bank load through HAProxy, and one fault per scenario while it runs. After each: every acknowledged
 * transfer is in the ledger with its entries, money is conserved, no wallet is negative, cached balances equal the
 * entries, and the reconciliation (run through the API by an operator) is consistent. Prints its figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final int HTTP = 18480;
    private static final int GRID = 16900;
    private static final int DB = 13317;
    private static final int DB_LINK = 13318;
    private static final int SMTP = 13025;
    private static final int SMTP_LINK = 13026;
    private static final int PEOPLE = 20;
    private static final int CLIENTS = 6;
    private static final long PAUSE_MILLIS = 100;
    private static final int RECEIVER = 18090;
    private static final int RESTORED_DB = 13319;
    private static final int RESTORED_HTTP = 18490;
    /** Webhook back-off and breaker made short for the suite (the defaults are 30 s, 4 h and 1 min). */
    private static final int BREAKER_OPEN_SECONDS = 10;
    private static final Pattern MAIL_TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

    /** What one scenario measured. */
    record Figures(String scenario, long acknowledged, Map<String, Long> answers, long lostAcknowledged,
                   long halfPosted, long moneyLost, long negativeWallets, long cachedBalanceMismatches,
                   boolean reconciliationConsistent, double recoverySeconds, String more) {
    }

    private final long seed = Long.getLong("okpay.faults.seed", 18);
    private final long origin = System.currentTimeMillis();
    private final List<Figures> figures = new ArrayList<>();
    private final Set<String> acknowledged = new HashSet<>();
    private DevServer cluster;
    private Link db;
    private Link smtp;
    private Bank bank;
    private List<int[]> pairs;
    private String opsEmail;
    private String opsPassword;
    private Map<String, String> account;
    private Path home;
    private String drill;
    private Load current;

    @BeforeAll
    void startCluster() throws Exception {
        home = Path.of(System.getProperty("okpay.faults.home", "target/cluster")).toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        db = new Link(DB_LINK, DB);
        smtp = new Link(SMTP_LINK, SMTP);
        Map<String, String> settings = new HashMap<>();
        settings.put("OKPAY_HOME", home.toString());
        settings.put("OKPAY_PORT", Integer.toString(HTTP));
        settings.put("OKPAY_CLUSTER_PORT", Integer.toString(GRID));
        settings.put("OKPAY_EMBEDDED_DB_PORT", Integer.toString(DB));
        settings.put("OKPAY_EMBEDDED_SMTP_PORT", Integer.toString(SMTP));
        settings.put("OKPAY_EMBEDDED_MAIL_API_PORT", "18025");
        settings.put("OKPAY_EMBEDDED_IMAP_PORT", "13143");
        settings.put("OKPAY_HEAP", "768m");
        say("seed " + seed + "; starting the cluster (2 Payara Micro instances, HAProxy on 127.0.0.1:" + HTTP
                + ", MariaDB through a link on " + DB_LINK + ", SMTP through a link on " + SMTP_LINK + ") ...");
        cluster = DevServer.start(war(), 2,
                settings, env -> {
                    Map<String, String> changed = new HashMap<>(env);
                    changed.put("DB_URL", env.get("DB_URL").replace(":" + DB + "/", ":" + DB_LINK + "/"));
                    changed.put("SMTP_PORT", Integer.toString(SMTP_LINK));
                    changed.put("OKPAY_WEBHOOK_RETRY_BASE", "PT2S");
                    changed.put("OKPAY_WEBHOOK_RETRY_MAX_INTERVAL", "PT8S");
                    changed.put("OKPAY_WEBHOOK_BREAKER_OPEN", "PT" + BREAKER_OPEN_SECONDS + "S");
                    return changed;
                });
        DevServer started = cluster;
        // Whatever ends this JVM (a failed run, Ctrl-C, Failsafe's timeout), the cluster's processes end with it.
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "faults-stop"));
        account = cluster.databaseAccount();
        say("cluster ready after " + seconds(origin) + " s; opening " + PEOPLE + " accounts ...");
        bank = new Bank(cluster.url(), cluster.mailApi(), seed);
        bank.open(PEOPLE);
        pairs = bank.pairs(2);
        bank.warmUp(pairs);
        opsEmail = "faults-ops-" + bank.run + "@faults.example.com";
        opsPassword = bank.signUp(opsEmail, "fops" + bank.run);
        // The operator a new installation gets from OKPAY_OPERATORS at start-up, granted here in its table: the
        // accounts of this run exist only after the cluster started.
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "UPDATE app_user SET roles = 'USER,COMPLIANCE,FINANCE,ADMIN' WHERE email = ?")) {
            s.setString(1, opsEmail);
            assertEquals(1, s.executeUpdate());
        }
        awaitOutboxDrained(Duration.ofMinutes(2));
        say("set-up done after " + seconds(origin) + " s: " + PEOPLE + " people, " + pairs.size() + " pairs, "
                + Bank.decimal(bank.funded) + " " + Bank.CURRENCY + " funded");
    }

    /** A scenario that failed half-way leaves no load running and no link cut for the next one. */
    @org.junit.jupiter.api.AfterEach
    void restore() throws Exception {
        if (current != null) {
            current.close();
            current = null;
        }
        smtp.mend();
        db.mend();
    }

    @AfterAll
    void stopCluster() throws Exception {
        try {
            report();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            if (db != null) {
                db.close();
            }
            if (smtp != null) {
                smtp.close();
            }
        }
    }

    @Test
    @Order(1)
    void smtpDownForSixtySeconds() throws Exception {
        Set<Long> mailsBefore = mailEventIds().keySet();
        Map<String, Integer> inboxesBefore = inboxes();
        Load load = startLoad(1);
        pause(5);
        long cutAt = load.now();
        smtp.cut();
        say("SMTP cut for 60 s ...");
        pause(60);
        smtp.mend();
        long mendedAt = load.now();
        pause(10);
        load.close();
        Map<String, Long> during = load.statuses(cutAt, mendedAt);
        say("SMTP back; waiting for the outbox to deliver every mail ...");
        long drained = awaitOutboxDrained(Duration.ofMinutes(4));
        // Every mail queued since the cut, delivered once: what each inbox received equals what the outbox sent it.
        Map<Long, String> newMails = new HashMap<>(mailEventIds());
        newMails.keySet().removeAll(mailsBefore);
        Map<String, Integer> expected = new HashMap<>();
        newMails.values().forEach(to -> expected.merge(to, 1, Integer::sum));
        Map<String, Integer> inboxesAfter = inboxes();
        long missing = 0;
        long twice = 0;
        for (Bank.Person p : bank.people) {
            int received = inboxesAfter.get(p.email) - inboxesBefore.get(p.email);
            int sent = expected.getOrDefault(p.email, 0);
            missing += Math.max(0, sent - received);
            twice += Math.max(0, received - sent);
        }
        long dead = count("SELECT COUNT(*) FROM outbox_event WHERE status = 'DEAD'");
        Figures f = check("4. SMTP down 60 s", load, 0, String.format(
                "mails queued %d, delivered %d s after SMTP returned, missing %d, delivered twice %d, dead %d",
                newMails.size(), (drained - mendedAt) / 1000, missing, twice, dead));
        assertEquals(Map.of("201", during.values().stream().mapToLong(Long::longValue).sum()), during,
                "payments while SMTP was down");
        assertEquals(0, missing, "mails never delivered");
        assertEquals(0, twice, "mails delivered twice");
        assertEquals(0, dead, "mails given up");
        assertTrue(f.acknowledged() > 0);
    }

    @Test
    @Order(2)
    void webhookReceiverDownThenSlow() throws Exception {
        try (Receiver receiver = new Receiver(RECEIVER, origin)) {
            Shop shop = shop(receiver);
            Load load = startLoad(5);
            List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread sender = new Thread(() -> {
                // An event a second (the endpoint's test event: a new event id each time), delivered from the outbox.
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        events.add(bank.api.webhooks.sendWebhookEndpointTestEvent(shop.endpoint(),
                                OkPay.bearer(shop.token())).getEventId());
                    } catch (Exception e) {
                        // refused or unanswered: the next one
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "faults-events");
            sender.start();
            pause(3);
            long downAt = load.now();
            receiver.mode(Receiver.Mode.DOWN);
            say("webhook receiver down (503) for 25 s ...");
            pause(25);
            long slowAt = load.now();
            receiver.mode(Receiver.Mode.SLOW);
            say("webhook receiver slow (answers after 12 s, OKPay waits 10 s) for 20 s ...");
            pause(20);
            long upAt = load.now();
            receiver.mode(Receiver.Mode.UP);
            sender.interrupt();
            sender.join(10_000);
            long allIn = awaitTrue(Duration.ofMinutes(3), () -> receiver.processed.keySet().containsAll(events));
            pause(5);
            load.close();
            List<Receiver.Attempt> attempts = new ArrayList<>(receiver.attempts);
            // The breaker: while the receiver was down, a pause in the attempts as long as the breaker stays open.
            long longestPause = 0;
            long previous = downAt;
            for (Receiver.Attempt a : attempts) {
                if (a.at() >= downAt && a.at() < slowAt) {
                    longestPause = Math.max(longestPause, a.at() - previous);
                    previous = a.at();
                }
            }
            long downAttempts = attempts.stream().filter(a -> a.mode() == Receiver.Mode.DOWN).count();
            long invalid = attempts.stream().filter(a -> !a.signatureValid()).count();
            long changedBytes = attempts.stream().filter(a -> a.signatureValid() && a.mode() != Receiver.Mode.DOWN
                    && !a.body().equals(receiver.processed.get(a.eventId()))).count();
            String retries = retryIntervals(attempts, downAt);
            Figures f = check("5. webhook receiver down, slow", load, (allIn - origin - upAt) / 1000.0, String.format(
                    "events %d, attempts %d (%d while down, 503), longest pause while down %.1f s (breaker open %d s),"
                            + " first event's retries after %s, all processed %d s after the receiver was back,"
                            + " repeats acknowledged not processed %d, bad signatures %d",
                    events.size(), attempts.size(), downAttempts, longestPause / 1000.0, BREAKER_OPEN_SECONDS,
                    retries, (allIn - origin - upAt) / 1000, receiver.repeats.get(), invalid));
            assertTrue(events.size() > 20, "events sent: " + events.size());
            assertEquals(new HashSet<>(events), new HashSet<>(events).stream().filter(receiver.processed::containsKey)
                    .collect(java.util.stream.Collectors.toSet()), "every event processed");
            assertEquals(0, invalid, "deliveries with a bad signature");
            assertEquals(0, changedBytes, "an event's bytes changed between attempts");
            assertTrue(receiver.repeats.get() > 0, "the slow receiver's events were delivered again (and not processed twice)");
            assertTrue(longestPause >= (BREAKER_OPEN_SECONDS - 2) * 1000L,
                    "the breaker opened: attempts paused " + longestPause + " ms while the receiver was down");
            assertTrue(f.acknowledged() > 0);
        }
    }

    /** The gaps between the attempts of the first event that failed at least three times (back-off). */
    private static String retryIntervals(List<Receiver.Attempt> attempts, long from) {
        Map<String, List<Long>> byEvent = new LinkedHashMap<>();
        for (Receiver.Attempt a : attempts) {
            if (a.at() >= from) {
                byEvent.computeIfAbsent(a.eventId(), id -> new ArrayList<>()).add(a.at());
            }
        }
        for (List<Long> times : byEvent.values()) {
            if (times.size() >= 4) {
                List<String> gaps = new ArrayList<>();
                for (int i = 1; i < times.size(); i++) {
                    gaps.add(String.format("%.1f", (times.get(i) - times.get(i - 1)) / 1000.0));
                }
                return gaps + " s";
            }
        }
        return "(no event tried four times)";
    }

    /** A merchant whose webhook endpoint is the receiver: made, approved and keyed through the API. */
    record Shop(String token, String endpoint) {
    }

    private Shop shop(Receiver receiver) throws Exception {
        String email = "faults-shop-" + bank.run + "@faults.example.com";
        String password = bank.signUp(email, "fshop" + bank.run);
        String owner = bank.signIn(email, password);
        String merchantId = bank.api.merchants.createMerchant(new MerchantRequest().businessName("Fault-tolerant teas")
                .website(URI.create("https://teas.example")).supportEmail("help@teas.example")
                .settlementCurrency(Bank.CURRENCY), OkPay.bearer(owner)).getId();
        bank.api.approveMerchant(merchantId, bank.signIn(opsEmail, opsPassword));
        ApiKey key = bank.api.merchants.createApiKey(OkPay.bearer(owner));
        String merchant = bank.api.merchants.createClientCredentialsToken("client_credentials", key.getId(),
                key.getSecret()).getAccessToken();
        WebhookEndpoint endpoint = bank.api.webhooks.createWebhookEndpoint(new WebhookEndpointRequest()
                .url(URI.create(receiver.url())).addEventsItem(WebhookEndpointRequest.EventsEnum.STAR),
                OkPay.bearer(merchant));
        receiver.secret(endpoint.getSecret());
        return new Shop(merchant, endpoint.getId());
    }

    @Test
    @Order(3)
    void databaseUnreachableForThirtySeconds() throws Exception {
        Load load = startLoad(2);
        pause(5);
        long cutAt = load.now();
        db.cut();
        say("database cut off for 30 s ...");
        pause(30);
        db.mend();
        long mendedAt = load.now();
        double recovery = awaitRecovery(load, mendedAt, 120);
        load.close();
        Map<String, Long> during = load.statuses(cutAt, mendedAt);
        Figures f = check("3. database unreachable 30 s", load, recovery, "answers while cut off " + during);
        assertCreatedOrRetryLater(during, "while the database was unreachable");
        assertTrue(during.getOrDefault("503+Retry-After", 0L) > 0, "503s while the database was unreachable");
        assertTrue(f.acknowledged() > 0);
    }

    @Test
    @Order(4)
    void databaseKilledMidLoad() throws Exception {
        List<Long> instancesBefore = instancePids();
        Load load = startLoad(3);
        pause(5);
        ProcessHandle mariadbd = cluster.databaseProcess();
        long killedAt = load.now();
        mariadbd.destroyForcibly();
        say("kill -9 mariadbd (pid " + mariadbd.pid() + "); the run command's watchdog starts it again ...");
        long back = awaitTrue(Duration.ofMinutes(3), () -> cluster.databaseProcess().pid() != mariadbd.pid()
                && cluster.databaseProcess().isAlive());
        double recovery = awaitRecovery(load, killedAt, 120);
        load.close();
        Figures f = check("2. kill -9 mariadbd", load, recovery, "mariadbd running again after "
                + (back - origin - killedAt) / 1000 + " s; instances restarted: "
                + (instancesBefore.equals(instancePids()) ? "none" : "YES"));
        assertEquals(instancesBefore, instancePids(), "the instances recover without a restart");
        assertCreatedOrRetryLater(f.answers(), "while mariadbd was killed and started again");
        assertTrue(f.acknowledged() > 0);
    }

    /** The database away: each transfer is made (201) or refused with a 503 that says when to try again; no 500. */
    private static void assertCreatedOrRetryLater(Map<String, Long> answers, String when) {
        for (String status : answers.keySet()) {
            assertTrue(status.equals("201") || status.equals("503+Retry-After"),
                    when + ": only 201 or 503 with Retry-After, got " + answers);
        }
    }

    @Test
    @Order(5)
    void instanceKilledMidLoad() throws Exception {
        try (Browser browser = new Browser(cluster.url())) {
            // A person signed in in a browser through HAProxy: the instance serving them is the one killed.
            Bank.Person person = bank.people.get(0);
            browser.signIn(bank, person);
            int serving = browser.instance();
            Load load = startLoad(4);
            pause(5);
            ProcessHandle victim = cluster.instanceProcess(serving);
            long killedAt = load.now();
            victim.destroyForcibly();
            say("kill -9 Payara Micro " + serving + " (pid " + victim.pid() + "), the one serving the browser ...");
            boolean signedIn = browser.open("/wallet/history.xhtml?lang=en", "filters");
            long pageAt = load.now();
            int servedAfter = browser.instance();
            double recovery = awaitRecovery(load, killedAt, 120);
            say("the survivor carries the load; waiting for instance " + serving + " to rejoin ...");
            long rejoined = awaitTrue(Duration.ofMinutes(5), () -> cluster.instanceProcess(serving).pid() != victim.pid()
                    && httpStatus("http://127.0.0.1:" + cluster.instancePort(serving) + "/health/ready") == 200
                    && servedBy().containsAll(Set.of("okpay1", "okpay2")));
            pause(5);
            load.close();
            Figures f = check("1. kill -9 of an instance", load, recovery, String.format(
                    "browser's next page %s on instance %d %.1f s after the kill; instance %d rejoined (ready, served "
                            + "through HAProxy) after %d s", signedIn ? "signed in" : "NOT SIGNED IN", servedAfter,
                    (pageAt - killedAt) / 1000.0, serving, (rejoined - origin - killedAt) / 1000));
            assertTrue(signedIn, "the next page after the kill loads signed in");
            assertNotEquals(serving, servedAfter, "the next page came from the survivor");
            // Made, or refused with a 503 that says when to try again (while the killed instance rejoins); a request
            // in flight on the killed instance may get no answer at all ("io"); never a 500.
            assertFalse(f.answers().containsKey("500"), "a 500 while an instance was killed and rejoined: " + f.answers());
            assertTrue(f.acknowledged() > 0);
        }
    }

    @Test
    @Order(6)
    void backupUnderLoadRestoredIntoAFreshDatabase() throws Exception {
        Path dump = home.resolve("okpay-backup.sql.gz");
        Load load = startLoad(6);
        pause(3);
        Set<String> before = new HashSet<>(acknowledged);
        before.addAll(load.acknowledged);
        long dumpAt = load.now();
        script("dump", dump, DB, account.get("DB_PASSWORD"));
        long dumpSeconds = (load.now() - dumpAt) / 1000;
        pause(2);
        load.close();
        check("6. backup under load", load, 0, "dump took " + dumpSeconds + " s, " + Files.size(dump) + " bytes");

        // A fresh MariaDB, the backup restored into it, and OKPay (one more instance, the same master key) started on it.
        String password = "restored" + Long.toHexString(seed * 7919);
        long restoreAt = System.currentTimeMillis();
        io.okpay.embedded.EmbeddedDatabase fresh = io.okpay.embedded.EmbeddedDatabase.start(RESTORED_DB, null);
        try {
            String url = fresh.provision(io.okpay.embedded.EmbeddedDatabase.Account.owner("okpay", "okpay", password)).get(0);
            script("restore", dump, RESTORED_DB, password);
            Map<String, String> settings = new HashMap<>();
            settings.put("OKPAY_HOME", home.toString());
            settings.put("OKPAY_PORT", Integer.toString(RESTORED_HTTP));
            settings.put("DB_URL", url);
            settings.put("SMTP_HOST", "127.0.0.1");
            settings.put("OKPAY_HEAP", "768m");
            try (DevServer restored = DevServer.start(war(), 1, settings, env -> {
                Map<String, String> changed = new HashMap<>(env);
                changed.put("DB_URL", url);
                changed.put("DB_USER", "okpay");
                changed.put("DB_PASSWORD", password);
                changed.put("SMTP_HOST", "127.0.0.1");
                changed.put("SMTP_PORT", Integer.toString(SMTP));
                return changed;
            })) {
                long readyAt = System.currentTimeMillis();
                Api api = new Api(restored.url());
                JsonObject result = api.reconcile(bank.signIn(api, opsEmail, opsPassword));
                Set<String> inCopy = new HashSet<>();
                long copySum;
                try (Connection c = DriverManager.getConnection(url, "okpay", password); Statement s = c.createStatement()) {
                    try (ResultSet r = s.executeQuery("SELECT public_id FROM transfer")) {
                        while (r.next()) {
                            inCopy.add(r.getString(1));
                        }
                    }
                    copySum = sumOfPeople(c);
                }
                long missing = before.stream().filter(id -> !inCopy.contains(id)).count();
                String more = String.format("restored and OKPay ready on it in %d s; the copy: %d transfers, %d "
                                + "acknowledged before the dump missing, people's money %s of %s, reconciliation %s",
                        (readyAt - restoreAt) / 1000, inCopy.size(), missing, Bank.decimal(copySum),
                        Bank.decimal(bank.funded), result.getBoolean("consistent", false) ? "consistent" : "INCONSISTENT");
                say("6. backup restored: " + more);
                drill = more;
                assertEquals(0, missing, "transfers acknowledged before the dump began, missing from the copy");
                assertEquals(bank.funded, copySum, "money conserved in the copy");
                assertTrue(result.getBoolean("consistent", false), "reconciliation of the copy: " + result);
            }
        } finally {
            fresh.close();
        }
    }

    /** The people's wallets in the currency, summed from the ledger's cached balances. */
    private long sumOfPeople(Connection c) throws SQLException {
        long sum = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(a.balance), 0) FROM ledger_account a JOIN "
                + "app_user u ON u.public_id = a.owner_id WHERE a.owner_type = 'USER' AND a.purpose = 'WALLET' "
                + "AND u.email LIKE ? AND a.currency = ?")) {
            s.setString(1, "faults-" + bank.run + "-%");
            s.setString(2, Bank.CURRENCY);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                sum = r.getLong(1);
            }
        }
        return sum;
    }

    /** docker/backup.sh, as an operator runs it. */
    private void script(String mode, Path file, int port, String password) throws Exception {
        Path script = Path.of(System.getProperty("okpay.faults.backup-script", "../docker/backup.sh")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), mode, file.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(port),
                "DB_NAME", "okpay", "DB_USER", account.get("DB_USER"), "DB_PASSWORD", password));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        int status = process.waitFor();
        say(output.strip());
        assertEquals(0, status, "backup.sh " + mode + ": " + output);
    }

    // ---- the checks after each scenario

    private Figures check(String scenario, Load load, double recovery, String more) throws Exception {
        acknowledged.addAll(load.acknowledged);
        // Every transfer acknowledged so far (in any scenario) has its row and its journal transaction with entries.
        Map<String, Integer> entries = new HashMap<>();
        long halfPosted;
        try (Connection c = database(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT t.public_id, (SELECT COUNT(*) FROM ledger_entry e JOIN "
                    + "ledger_transaction x ON x.id = e.transaction_id WHERE x.public_id = t.transaction_id) FROM transfer t")) {
                while (r.next()) {
                    entries.put(r.getString(1), r.getInt(2));
                }
            }
            halfPosted = entries.values().stream().filter(n -> n < 2).count();
        }
        long lost = acknowledged.stream().filter(id -> entries.getOrDefault(id, 0) < 2).count();
        long[] balances = bank.balances();
        long sum = 0;
        long negative = 0;
        for (long b : balances) {
            sum += b;
            negative += b < 0 ? 1 : 0;
        }
        long mismatches = count("SELECT COUNT(*) FROM ledger_account a WHERE a.entry_count <> (SELECT COUNT(*) FROM "
                + "ledger_entry e WHERE e.account_id = a.id) OR a.balance <> COALESCE((SELECT e.balance_after FROM "
                + "ledger_entry e WHERE e.account_id = a.id ORDER BY e.account_seq DESC LIMIT 1), 0)");
        JsonObject reconciliation = reconcile();
        Figures f = new Figures(scenario, load.acknowledged.size(), load.statuses(0, Long.MAX_VALUE), lost, halfPosted,
                bank.funded - sum, negative, mismatches, reconciliation.getBoolean("consistent", false), recovery, more);
        figures.add(f);
        say(describe(f));
        assertEquals(0, lost, "acknowledged transfers missing from the ledger");
        assertEquals(0, halfPosted, "transfers without their entries");
        assertEquals(bank.funded, sum, "money conserved");
        assertEquals(0, negative, "negative wallets");
        assertEquals(0, mismatches, "cached balances that differ from the entries");
        assertTrue(f.reconciliationConsistent(), "reconciliation: " + reconciliation);
        return f;
    }

    /** The ledger reconciliation, run now through the API by the operator (signed in afresh: the suite is long). */
    private JsonObject reconcile() throws Exception {
        String token = bank.signIn(opsEmail, opsPassword);
        return bank.api.reconcile(token);
    }

    private static Path war() {
        return Path.of(System.getProperty("okpay.faults.war", "../web/target/okpay.war"));
    }

    private Load startLoad(int scenario) {
        Load load = new Load(bank, cluster.url(), pairs, origin);
        load.start(CLIENTS, seed * 10 + scenario, PAUSE_MILLIS);
        current = load;
        return load;
    }

    /**
     * Seconds from {@code since} until the load's transfers succeed again: the last failed answer after it, once five
     * seconds have passed with only 201s (or {@code timeoutSeconds}, which fails the scenario).
     */
    private double awaitRecovery(Load load, long since, int timeoutSeconds) throws InterruptedException {
        long deadline = load.now() + timeoutSeconds * 1000L;
        while (load.now() < deadline) {
            long last = load.lastFailureAfter(since);
            long quietSince = Math.max(last, since);
            if (load.now() - quietSince >= 5000 && !load.statuses(quietSince + 1, load.now()).isEmpty()) {
                return last < 0 ? 0 : (last - since) / 1000.0;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("transfers did not recover within " + timeoutSeconds + " s: "
                + load.statuses(since, load.now()));
    }

    /** Waits until every mail and other outbox event is delivered; returns when (ms since the suite began). */
    private long awaitOutboxDrained(Duration timeout) throws Exception {
        long back = awaitTrue(timeout, () -> {
            try {
                return count("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING' AND type = 'mail'") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
        return back - origin;
    }

    private Map<Long, String> mailEventIds() throws SQLException {
        Map<Long, String> mails = new HashMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, payload FROM outbox_event WHERE type = 'mail'")) {
            while (r.next()) {
                Matcher m = MAIL_TO.matcher(r.getString(2));
                mails.put(r.getLong(1), m.find() ? m.group(1) : "?");
            }
        }
        return mails;
    }

    private Map<String, Integer> inboxes() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (Bank.Person p : bank.people) {
            counts.put(p.email, bank.mail.messages(p.email).size());
        }
        return counts;
    }

    private List<Long> instancePids() {
        return List.of(cluster.instanceProcess(1).pid(), cluster.instanceProcess(2).pid());
    }

    /** The instances HAProxy sends new visitors to (its OKPAY_INSTANCE cookie), over ten requests. */
    private Set<String> servedBy() {
        Set<String> seen = new HashSet<>();
        // HTTP/1.1: an h2c upgrade would hand the connection to the instance, past HAProxy's cookie.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 10; i++) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                r.headers().allValues("Set-Cookie").forEach(cookie -> {
                    if (cookie.startsWith("OKPAY_INSTANCE=")) {
                        seen.add(cookie.substring("OKPAY_INSTANCE=".length()).split(";")[0]);
                    }
                });
            } catch (Exception e) {
                // not served: nothing seen
            }
        }
        return seen;
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(account.get("DB_URL"), account.get("DB_USER"), account.get("DB_PASSWORD"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---- the report

    private void report() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("OKPay fault suite (seed " + seed + ", " + PEOPLE + " people, " + CLIENTS + " clients through HAProxy, "
                + seconds(origin) + " s in all)");
        long total = 0;
        long moneyLost = 0;
        for (Figures f : figures) {
            lines.add(describe(f));
            total += f.acknowledged();
            moneyLost += f.moneyLost();
        }
        lines.add(String.format("Total: %d transfers acknowledged, %d faults injected, %d acknowledged lost, money lost %s %s",
                total, figures.size(), figures.stream().mapToLong(Figures::lostAcknowledged).max().orElse(0),
                Bank.decimal(moneyLost), Bank.CURRENCY));
        if (drill != null) {
            lines.add("Backup drill: " + drill);
        }
        lines.forEach(FaultSuiteIT::say);
        Path out = Path.of(System.getProperty("okpay.faults.home", "target/cluster")).getParent().resolve("faults-report.txt");
        Files.write(out, lines);
    }

    private static String describe(Figures f) {
        return String.format("%-28s acknowledged %5d | answers %s | acknowledged lost %d | half posted %d | money lost %s"
                        + " | negative wallets %d | cached balances off %d | reconciliation %s | recovered in %.1f s | %s",
                f.scenario(), f.acknowledged(), f.answers(), f.lostAcknowledged(), f.halfPosted(),
                Bank.decimal(f.moneyLost()), f.negativeWallets(), f.cachedBalanceMismatches(),
                f.reconciliationConsistent() ? "consistent" : "INCONSISTENT", f.recoverySeconds(), f.more());
    }

    // ---- small helpers

    private long awaitTrue(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return System.currentTimeMillis();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s");
    }

    private static int httpStatus(String url) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static <T> List<T> all(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    private long seconds(long since) {
        return (System.currentTimeMillis() - since) / 1000;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void say(String line) {
        System.out.println("[faults] " + line);
        System.out.flush();
    }
}
