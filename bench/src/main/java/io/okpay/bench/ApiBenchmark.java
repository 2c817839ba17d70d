package io.okpay.bench;

import io.okpay.client.ApiException;
import io.okpay.client.OkPay;
import io.okpay.client.model.Balance;
import io.okpay.client.model.ListCurrencies200ResponseInner;
import io.okpay.client.model.SignUpRequest;
import io.okpay.client.model.TopUp;
import io.okpay.client.model.TopUpRequest;
import io.okpay.client.model.TopUpRequestCard;
import io.okpay.client.model.TransferRequest;
import io.okpay.client.model.VerifyUserEmailRequest;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Transfers through the real API. Set-up (not timed): sign up N users, confirm them from the mail catcher, take
 * tokens, top each up by sandbox card, then send one small transfer over every pair the timed phase will use,
 * answering the step-up code a first transfer to someone needs. Timed: C clients send transfers for D seconds.
 */
public final class ApiBenchmark {

    /** Top-up per user, in major units: enough for the hot scenario's one-way flow at a few hundred transfers/s. */
    private static final long FUNDING_MAJOR = 5000;
    /** Transfers move 0.01 to 1.00 (minor units of a 2-decimal currency), far below any step-up threshold. */
    private static final int MAX_TRANSFER_MINOR = 100;
    private static final String PASSWORD_PREFIX = "Bench tulip lantern ";

    record User(int index, String email, String token) {
    }

    private final Options options;
    private final Api api;
    private final MailBox mail;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final List<User> users = new ArrayList<>();
    private int decimals;
    private long toppedUp;
    private String operatorToken;

    public ApiBenchmark(Options options) {
        this.options = options;
        this.api = new Api(options.url());
        this.mail = new MailBox(options.mailApi());
    }

    /** Users, funding and the warm-up transfers; returns the sum of the users' balances afterwards. */
    public long prepare() throws Exception {
        decimals = currencyDecimals();
        signInOperator();
        int setupThreads = Math.min(options.clients(), 8);
        say("signing up, confirming and funding " + options.users() + " users (" + setupThreads + " at a time) ...");
        List<Callable<User>> signUps = new ArrayList<>();
        for (int i = 0; i < options.users(); i++) {
            int index = i;
            signUps.add(() -> signUp(index));
        }
        users.addAll(all(setupThreads, signUps));
        if (options.scenarios().stream().noneMatch(Options.Scenario::p2p)) {
            return balances();
        }
        say("warming up " + pairs().size() + " sender/recipient pairs (step-up codes from the mail) ...");
        List<Callable<Void>> warmUps = new ArrayList<>();
        Map<Integer, List<Integer>> bySender = new HashMap<>();
        for (int[] pair : pairs()) {
            bySender.computeIfAbsent(pair[0], s -> new ArrayList<>()).add(pair[1]);
        }
        // One sender's pairs one after another: its code mails then arrive in the order they were asked for.
        bySender.forEach((sender, recipients) -> warmUps.add(() -> {
            for (int recipient : recipients) {
                warmUp(users.get(sender), users.get(recipient));
            }
            return null;
        }));
        all(setupThreads, warmUps);
        return balances();
    }

    public long toppedUp() {
        return toppedUp;
    }

    public RunResult run(Options.Scenario scenario) throws Exception {
        say("timed phase " + scenario.name().toLowerCase() + ": " + options.clients() + " clients for "
                + options.seconds() + " s ...");
        return run(scenario, options.seconds());
    }

    /** The scenario for {@code phaseSeconds}, unannounced: also the warm-up before the timed phases. */
    RunResult run(Options.Scenario scenario, int phaseSeconds) throws Exception {
        long deadline = System.nanoTime() + phaseSeconds * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        List<Future<Client>> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            clients.add(pool.submit(() -> drive(scenario, deadline)));
        }
        List<Latencies> latencies = new ArrayList<>();
        Map<String, Long> errors = new HashMap<>();
        long succeeded = 0;
        for (Future<Client> f : clients) {
            Client c = f.get();
            latencies.add(c.latencies);
            succeeded += c.succeeded;
            c.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new RunResult("okpay " + scenario.name().toLowerCase(), options.clients(), seconds, succeeded,
                Latencies.merge(latencies), errors);
    }

    /** Sum of all users' balances in the currency, and a complaint for any negative one. */
    public long balances() throws Exception {
        long sum = 0;
        for (User user : users) {
            for (Balance b : api.wallet.listBalances(OkPay.bearer(user.token()))) {
                if (b.getCurrency().equals(options.currency())) {
                    long minor = Report.minor(b.getBalance(), decimals);
                    if (minor < 0) {
                        throw new IllegalStateException("negative balance " + minor + " for " + user.email());
                    }
                    sum += minor;
                }
            }
        }
        return sum;
    }

    /**
     * Runs the ledger reconciliation with the operator's token taken in {@link #prepare}; null without operator
     * credentials.
     */
    public JsonObject reconcile() throws Exception {
        if (operatorToken == null) {
            return null;
        }
        return api.reconcile(operatorToken);
    }

    /**
     * An operator (FINANCE or ADMIN) always signs in with a code, read from the mail. Taken before the timed phases:
     * afterwards the code would queue behind thousands of receipt mails in the outbox. Access tokens live 15 minutes,
     * so a run of the default size stays well inside that.
     */
    private void signInOperator() throws Exception {
        if (options.operatorEmail() == null) {
            return;
        }
        operatorToken = signIn(options.operatorEmail(), options.operatorPassword());
    }

    /** An access token, signed in as a person is (before the timed phases, while the outbox is short). */
    String signIn(String email, String password) throws Exception {
        return api.signIn(mail, email, password);
    }

    private static final class Client {
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new HashMap<>();
        long succeeded;
    }

    private Client drive(Options.Scenario scenario, long deadline) {
        Client client = new Client();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = users.size();
        while (System.nanoTime() < deadline) {
            int sender;
            int recipient;
            if (scenario == Options.Scenario.HOT) {
                sender = 1 + random.nextInt(n - 1);
                recipient = 0;
            } else {
                sender = random.nextInt(n);
                recipient = (sender + 1 + random.nextInt(options.recipientsPerUser())) % n;
            }
            long start = System.nanoTime();
            String status;
            try {
                transfer(users.get(sender), users.get(recipient), 1 + random.nextInt(MAX_TRANSFER_MINOR),
                        UUID.randomUUID().toString(), null, null);
                status = null;
            } catch (ApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                status = Api.status(e);
            }
            client.latencies.add((System.nanoTime() - start) / 1000);
            if (status == null) {
                client.succeeded++;
            } else {
                client.errors.merge(status, 1L, Long::sum);
            }
        }
        return client;
    }

    /** The pairs the timed phases use: each user to its next {@code --recipients} users, and everyone to user 0. */
    List<int[]> pairs() {
        List<int[]> pairs = new ArrayList<>();
        int n = options.users();
        for (int s = 0; s < n; s++) {
            boolean paysHot = s == 0;
            for (int k = 1; k <= options.recipientsPerUser(); k++) {
                int r = (s + k) % n;
                paysHot |= r == 0;
                pairs.add(new int[]{s, r});
            }
            if (!paysHot) {
                pairs.add(new int[]{s, 0});
            }
        }
        return pairs;
    }

    private User signUp(int index) throws Exception {
        String email = "bench-" + run + "-" + index + "@bench.example.com";
        String accessToken = confirmedAccount(email, "b" + run + "x" + index);
        long funding = FUNDING_MAJOR * pow10(decimals);
        TopUp topUp = api.topUps.createTopUp(UUID.randomUUID().toString(), new TopUpRequest()
                .method(TopUpRequest.MethodEnum.CARD).amount(Report.decimal(funding, decimals))
                .currency(options.currency()).card(new TopUpRequestCard().number("4242424242424242").expMonth(12)
                        .expYear(2035).cvc("123")), OkPay.bearer(accessToken));
        if (topUp.getStatus() != TopUp.StatusEnum.SUCCEEDED) {
            throw new IllegalStateException("top-up of " + email + " is " + topUp);
        }
        synchronized (this) {
            toppedUp += funding;
        }
        return new User(index, email, accessToken);
    }

    /** Signs up, confirms the address from the mail and takes an access token (USER), with the e-mailed sign-in code. */
    String confirmedAccount(String email, String username) throws Exception {
        String password = PASSWORD_PREFIX + UUID.randomUUID();
        api.identity.createUser(new SignUpRequest().email(email).username(username).password(password)
                .locale(SignUpRequest.LocaleEnum.EN));
        api.identity.verifyUserEmail(new VerifyUserEmailRequest().token(mail.verificationToken(email)));
        return signIn(email, password);
    }

    List<User> users() {
        return users;
    }

    String run() {
        return run;
    }

    int decimals() {
        return decimals;
    }

    String operatorToken() {
        return operatorToken;
    }

    Api api() {
        return api;
    }

    MailBox mail() {
        return mail;
    }

    private void warmUp(User sender, User recipient) throws Exception {
        String key = UUID.randomUUID().toString();
        int seen = mail.codeCount(sender.email());
        try {
            transfer(sender, recipient, 1, key, null, null);
        } catch (ApiException e) {
            String challenge = api.stepUpChallenge(e).orElseThrow(() -> new IllegalStateException(
                    "warm-up transfer " + sender.email() + " -> " + recipient.email() + ": " + e.getMessage(), e));
            transfer(sender, recipient, 1, key, challenge, mail.nextCode(sender.email(), seen));
        }
    }

    private void transfer(User sender, User recipient, long minor, String key, String challenge, String code)
            throws ApiException {
        api.transfers.createTransfer(key, new TransferRequest().to(recipient.email())
                .amount(Report.decimal(minor, decimals)).currency(options.currency()).challengeId(challenge).code(code),
                OkPay.bearer(sender.token()));
    }

    private int currencyDecimals() throws Exception {
        for (ListCurrencies200ResponseInner c : api.wallet.listCurrencies()) {
            if (c.getCode().equals(options.currency())) {
                return c.getDecimals();
            }
        }
        throw new IllegalArgumentException(options.currency() + " is not an enabled currency of " + options.url());
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * Limits on or off on the server (the sandbox's switch, POST /api/v1/sandbox/limits, only where the sandbox is on):
     * the same run measures transfers both ways.
     */
    void switchLimits(boolean on) throws Exception {
        try {
            api.limits.switchSandboxLimits(on);
        } catch (ApiException e) {
            throw new IllegalStateException("switching limits " + (on ? "on" : "off")
                    + " (the server's sandbox must be on): " + e.getMessage(), e);
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

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
