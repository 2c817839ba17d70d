package io.okpay.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.okpay.bench.ApiBenchmark.require;
import static io.okpay.bench.ApiBenchmark.say;

/**
 * "Many shoppers pay one merchant" through the real API. Set-up (not timed): a merchant owner signs up, opens a
 * merchant profile, the COMPLIANCE operator approves it, the owner makes an API key, and the shop's server exchanges it
 * for a MERCHANT token (client credentials); every shopper (the funded benchmark users) pays one small session first,
 * answering the one-time code a first payment to a shop needs. Timed: each client, for D seconds, creates a checkout
 * session as the merchant, then has a random shopper pay it through the payer API ({@code POST
 * /checkout/sessions/{id}/pay}). Throughput counts paid sessions; latency is the pay call's, the create call's is
 * reported beside it.
 */
final class CheckoutBenchmark {

    /** Payments of 1.00 to 10.00 (minor units of a 2-decimal currency): above any fixed fee, below the step-up. */
    private static final int MIN_PAYMENT_MINOR = 100;
    private static final int MAX_PAYMENT_MINOR = 1000;
    /** Merchant tokens live 15 minutes: a new one after 10. */
    private static final long TOKEN_RENEW_NANOS = 10L * 60 * 1_000_000_000L;

    private final ApiBenchmark base;
    private final Options options;
    private final Api api;
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong paidInTimedPhases = new AtomicLong();
    /** Sessions whose pay call got no answer: asked about after the phase, so the money check knows what moved. */
    private final Queue<Unanswered> uncertain = new ConcurrentLinkedQueue<>();
    private String clientId;
    private String clientSecret;
    private volatile String merchantToken;
    private volatile long merchantTokenAt;
    private Latencies createLatencies = new Latencies();

    CheckoutBenchmark(ApiBenchmark base, Options options) {
        this.base = base;
        this.options = options;
        this.api = base.api();
    }

    /** The approved merchant, its key and token, and every shopper's first (step-up) payment. */
    void prepare() throws Exception {
        String run = base.run();
        String ownerEmail = "bench-" + run + "-shop@bench.example.com";
        say("merchant: owner " + ownerEmail + " opens a profile, the operator approves it, the owner makes an API key ...");
        String owner = base.confirmedAccount(ownerEmail, "b" + run + "shop");
        Api.Answer opened = api.post("/merchants", owner, null, Json.createObjectBuilder()
                .add("business_name", "Bench Shop " + run).add("website", "https://bench.example.com")
                .add("support_email", ownerEmail).add("settlement_currency", options.currency()).build());
        require(opened, 201, "merchant profile");
        String merchantId = opened.object().getString("id");
        require(api.post("/admin/merchants/" + merchantId + "/approve", base.operatorToken(), null,
                JsonObject.EMPTY_JSON_OBJECT), 200, "approval of " + merchantId + " (the operator needs COMPLIANCE)");
        Api.Answer key = api.post("/merchants/me/keys", owner, null, JsonObject.EMPTY_JSON_OBJECT);
        require(key, 201, "API key");
        clientId = key.object().getString("id");
        clientSecret = key.object().getString("secret");
        renewToken();
        List<ApiBenchmark.User> shoppers = base.users();
        say("first payment of each of " + shoppers.size() + " shoppers to the merchant (step-up codes from the mail) ...");
        List<Callable<Void>> firsts = new ArrayList<>();
        for (ApiBenchmark.User shopper : shoppers) {
            firsts.add(() -> {
                firstPayment(shopper);
                return null;
            });
        }
        ApiBenchmark.all(Math.min(options.clients(), 8), firsts);
    }

    /** What the shoppers paid in minor units (warm-up and timed), counting sessions whose answer was lost but paid. */
    long paid() {
        return paid.get();
    }

    /** What the shoppers paid in the timed phases only, in minor units. */
    long paidInTimedPhases() {
        return paidInTimedPhases.get();
    }

    /** The merchant's balance in the benchmark's currency, in minor units. */
    long merchantBalance() throws Exception {
        Api.Answer balances = api.get("/merchant/balances", token());
        require(balances, 200, "merchant balances");
        for (JsonObject b : balances.body().asJsonArray().getValuesAs(JsonObject.class)) {
            if (b.getString("currency").equals(options.currency())) {
                return Report.minor(b.getString("balance"), base.decimals());
            }
        }
        return 0;
    }

    RunResult run() throws Exception {
        say("timed phase checkout: " + options.clients() + " clients for " + options.seconds() + " s ...");
        long deadline = System.nanoTime() + options.seconds() * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        List<Future<Client>> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            clients.add(pool.submit(() -> drive(deadline)));
        }
        List<Latencies> pays = new ArrayList<>();
        List<Latencies> creates = new ArrayList<>();
        Map<String, Long> errors = new HashMap<>();
        long succeeded = 0;
        for (Future<Client> f : clients) {
            Client c = f.get();
            pays.add(c.pays);
            creates.add(c.creates);
            succeeded += c.succeeded;
            c.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        createLatencies = Latencies.merge(creates);
        settleUncertain();
        return new RunResult("okpay checkout", options.clients(), seconds, succeeded, Latencies.merge(pays), errors);
    }

    /** Latencies of the merchant's session creation in the last timed phase. */
    Latencies createLatencies() {
        return createLatencies;
    }

    private record Unanswered(String sessionId, long amount) {
    }

    private static final class Client {
        final Latencies pays = new Latencies();
        final Latencies creates = new Latencies();
        final Map<String, Long> errors = new HashMap<>();
        long succeeded;
    }

    private Client drive(long deadline) {
        Client client = new Client();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<ApiBenchmark.User> shoppers = base.users();
        while (System.nanoTime() < deadline) {
            long amount = MIN_PAYMENT_MINOR + random.nextInt(MAX_PAYMENT_MINOR - MIN_PAYMENT_MINOR + 1);
            String sessionId;
            long start = System.nanoTime();
            try {
                Api.Answer created = createSession(amount);
                client.creates.add((System.nanoTime() - start) / 1000);
                if (created.status() != 201) {
                    client.errors.merge("create:" + created.status(), 1L, Long::sum);
                    continue;
                }
                sessionId = created.object().getString("id");
            } catch (IOException e) {
                client.errors.merge("create:io", 1L, Long::sum);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ApiBenchmark.User shopper = shoppers.get(random.nextInt(shoppers.size()));
            start = System.nanoTime();
            String status;
            try {
                status = Integer.toString(pay(shopper, sessionId, null, null).status());
            } catch (IOException e) {
                status = "io";
                uncertain.add(new Unanswered(sessionId, amount));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            client.pays.add((System.nanoTime() - start) / 1000);
            if (status.equals("200")) {
                client.succeeded++;
                paid.addAndGet(amount);
                paidInTimedPhases.addAndGet(amount);
            } else {
                client.errors.merge(status, 1L, Long::sum);
            }
        }
        return client;
    }

    private void firstPayment(ApiBenchmark.User shopper) throws Exception {
        long amount = MIN_PAYMENT_MINOR;
        Api.Answer created = createSession(amount);
        require(created, 201, "session");
        String sessionId = created.object().getString("id");
        int seen = base.mail().codeCount(shopper.email());
        Api.Answer answer = pay(shopper, sessionId, null, null);
        if (answer.status() == 403 && answer.code().equals("step_up_required")) {
            String challenge = answer.object().getString("challenge_id");
            answer = pay(shopper, sessionId, challenge, base.mail().nextCode(shopper.email(), seen));
        }
        require(answer, 200, "first payment of " + shopper.email());
        paid.addAndGet(amount);
    }

    private Api.Answer createSession(long amount) throws IOException, InterruptedException {
        String decimal = Report.decimal(amount, base.decimals());
        return api.post("/checkout/sessions", token(), UUID.randomUUID().toString(), Json.createObjectBuilder()
                .add("amount", decimal).add("currency", options.currency())
                .add("description", "Bench order").add("success_url", "https://bench.example.com/thanks")
                .add("cancel_url", "https://bench.example.com/cart").build());
    }

    private Api.Answer pay(ApiBenchmark.User shopper, String sessionId, String challenge, String code)
            throws IOException, InterruptedException {
        var body = Json.createObjectBuilder();
        if (challenge != null) {
            body.add("challenge_id", challenge).add("code", code);
        }
        return api.post("/checkout/sessions/" + sessionId + "/pay", shopper.token(), UUID.randomUUID().toString(),
                body.build());
    }

    /** Sessions whose pay call got no answer: the merchant asks OKPay whether they were paid. */
    private void settleUncertain() throws Exception {
        for (Unanswered lost; (lost = uncertain.poll()) != null; ) {
            Api.Answer session = api.get("/checkout/sessions/" + lost.sessionId(), token());
            require(session, 200, "session " + lost.sessionId());
            if (session.object().getString("status").equals("complete")) {
                paid.addAndGet(lost.amount());
                paidInTimedPhases.addAndGet(lost.amount());
            }
        }
    }

    private String token() throws IOException, InterruptedException {
        if (merchantToken == null || System.nanoTime() - merchantTokenAt > TOKEN_RENEW_NANOS) {
            renewToken();
        }
        return merchantToken;
    }

    private synchronized void renewToken() throws IOException, InterruptedException {
        if (merchantToken != null && System.nanoTime() - merchantTokenAt <= TOKEN_RENEW_NANOS) {
            return;
        }
        Api.Answer granted = api.postForm("/oauth/token", clientId, clientSecret, "grant_type=client_credentials");
        require(granted, 200, "client-credentials token");
        merchantToken = granted.object().getString("access_token");
        merchantTokenAt = System.nanoTime();
    }
}
