package io.okpay.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
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
            Api.Answer answer = api.get("/balances", user.token());
            require(answer, 200, "balances of " + user.email());
            for (JsonObject b : answer.body().asJsonArray().getValuesAs(JsonObject.class)) {
                if (b.getString("currency").equals(options.currency())) {
                    long minor = Report.minor(b.getString("balance"), decimals);
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
        Api.Answer result = api.post("/admin/ledger/reconciliation", operatorToken, null, JsonObject.EMPTY_JSON_OBJECT);
        require(result, 200, "reconciliation");
        return result.object();
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
        operatorToken = signIn(options.operatorEmail(), options.operatorPassword(), "operator token");
    }

    /**
     * An access token as a person gets one: the password, then the code every sign-in asks for, read from the mail
     * (before the timed phases, while the outbox is short).
     */
    String signIn(String email, String password, String what) throws Exception {
        int seen = mail.codeCount(email);
        Api.Answer token = api.post("/auth/token", null, null, Json.createObjectBuilder().add("grant_type", "password")
                .add("email", email).add("password", password).build());
        if (token.status() == 401 && token.code().equals("code_required")) {
            String code = mail.nextCode(email, seen);
            token = api.post("/auth/token", null, null, Json.createObjectBuilder().add("grant_type", "one_time_code")
                    .add("sign_in_id", token.object().getString("sign_in_id"))
                    .add("challenge_id", token.object().getString("challenge_id")).add("code", code).build());
        }
        require(token, 200, what);
        return token.object().getString("access_token");
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
                Api.Answer answer = transfer(users.get(sender), users.get(recipient),
                        1 + random.nextInt(MAX_TRANSFER_MINOR), UUID.randomUUID().toString(), null, null);
                status = Integer.toString(answer.status());
            } catch (IOException e) {
                status = "io";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            client.latencies.add((System.nanoTime() - start) / 1000);
            if (status.equals("201")) {
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
        Api.Answer topUp = api.post("/topups", accessToken, UUID.randomUUID().toString(), Json.createObjectBuilder()
                .add("method", "card").add("amount", Report.decimal(funding, decimals)).add("currency", options.currency())
                .add("card", Json.createObjectBuilder().add("number", "4242424242424242").add("exp_month", 12)
                        .add("exp_year", 2035).add("cvc", "123")).build());
        require(topUp, 201, "top-up of " + email);
        if (!topUp.object().getString("status", "").equals("succeeded")) {
            throw new IllegalStateException("top-up of " + email + " is " + topUp.body());
        }
        synchronized (this) {
            toppedUp += funding;
        }
        return new User(index, email, accessToken);
    }

    /** Signs up, confirms the address from the mail and takes an access token (USER), with the e-mailed sign-in code. */
    String confirmedAccount(String email, String username) throws Exception {
        String password = PASSWORD_PREFIX + UUID.randomUUID();
        Api.Answer created = api.post("/users", null, null, Json.createObjectBuilder().add("email", email)
                .add("username", username).add("password", password).add("locale", "en").build());
        require(created, 201, "sign-up of " + email);
        String verificationToken = mail.verificationToken(email);
        require(api.post("/users/verification", null, null,
                Json.createObjectBuilder().add("token", verificationToken).build()), 204, "verification of " + email);
        return signIn(email, password, "token of " + email);
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
        Api.Answer answer = transfer(sender, recipient, 1, key, null, null);
        if (answer.status() == 403 && answer.code().equals("step_up_required")) {
            String challenge = answer.object().getString("challenge_id");
            answer = transfer(sender, recipient, 1, key, challenge, mail.nextCode(sender.email(), seen));
        }
        require(answer, 201, "warm-up transfer " + sender.email() + " -> " + recipient.email());
    }

    private Api.Answer transfer(User sender, User recipient, long minor, String key, String challenge, String code)
            throws IOException, InterruptedException {
        var body = Json.createObjectBuilder().add("to", recipient.email())
                .add("amount", Report.decimal(minor, decimals)).add("currency", options.currency());
        if (challenge != null) {
            body.add("challenge_id", challenge).add("code", code);
        }
        return api.post("/transfers", sender.token(), key, body.build());
    }

    private int currencyDecimals() throws Exception {
        Api.Answer answer = api.get("/currencies", null);
        require(answer, 200, "currencies");
        for (JsonObject c : ((JsonArray) answer.body()).getValuesAs(JsonObject.class)) {
            if (c.getString("code").equals(options.currency())) {
                return c.getInt("decimals");
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
        require(api.post("/sandbox/limits?enabled=" + on, null, null, Json.createObjectBuilder().build()), 204,
                "switching limits " + (on ? "on" : "off") + " (the server's sandbox must be on)");
    }

    static void require(Api.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
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
