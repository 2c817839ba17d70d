package io.okpay.bench;

import io.okpay.client.ApiException;
import io.okpay.client.OkPay;
import io.okpay.client.model.ApiKey;
import io.okpay.client.model.Balance;
import io.okpay.client.model.CheckoutSession;
import io.okpay.client.model.CheckoutSessionRequest;
import io.okpay.client.model.MerchantRequest;
import io.okpay.client.model.PayCheckoutSessionRequest;

import java.net.URI;
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
    private static final URI SUCCESS_URL = URI.create("https://bench.example.com/thanks");
    private static final URI CANCEL_URL = URI.create("https://bench.example.com/cart");

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
        String merchantId = api.merchants.createMerchant(new MerchantRequest().businessName("Bench Shop " + run)
                .website(URI.create("https://bench.example.com")).supportEmail(ownerEmail)
                .settlementCurrency(options.currency()), OkPay.bearer(owner)).getId();
        api.approveMerchant(merchantId, base.operatorToken());
        ApiKey key = api.merchants.createApiKey(OkPay.bearer(owner));
        clientId = key.getId();
        clientSecret = key.getSecret();
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
        for (Balance b : api.merchants.listMerchantBalances(OkPay.bearer(token()))) {
            if (b.getCurrency().equals(options.currency())) {
                return Report.minor(b.getBalance(), base.decimals());
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
                sessionId = createSession(amount).getId();
                client.creates.add((System.nanoTime() - start) / 1000);
            } catch (ApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (e.getCode() != 0) {
                    client.creates.add((System.nanoTime() - start) / 1000);
                }
                client.errors.merge("create:" + Api.status(e), 1L, Long::sum);
                continue;
            }
            ApiBenchmark.User shopper = shoppers.get(random.nextInt(shoppers.size()));
            start = System.nanoTime();
            String status;
            try {
                pay(shopper, sessionId, null, null);
                status = null;
            } catch (ApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                status = Api.status(e);
                if (e.getCode() == 0) {
                    uncertain.add(new Unanswered(sessionId, amount));
                }
            }
            client.pays.add((System.nanoTime() - start) / 1000);
            if (status == null) {
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
        String sessionId = createSession(amount).getId();
        int seen = base.mail().codeCount(shopper.email());
        try {
            pay(shopper, sessionId, null, null);
        } catch (ApiException e) {
            String challenge = api.stepUpChallenge(e).orElseThrow(() -> new IllegalStateException(
                    "first payment of " + shopper.email() + ": " + e.getMessage(), e));
            pay(shopper, sessionId, challenge, base.mail().nextCode(shopper.email(), seen));
        }
        paid.addAndGet(amount);
    }

    private CheckoutSession createSession(long amount) throws ApiException {
        return api.checkout.createCheckoutSession(UUID.randomUUID().toString(), new CheckoutSessionRequest()
                .amount(Report.decimal(amount, base.decimals())).currency(options.currency())
                .description("Bench order").successUrl(SUCCESS_URL).cancelUrl(CANCEL_URL), OkPay.bearer(token()));
    }

    private void pay(ApiBenchmark.User shopper, String sessionId, String challenge, String code) throws ApiException {
        api.checkout.payCheckoutSession(sessionId, UUID.randomUUID().toString(),
                new PayCheckoutSessionRequest().challengeId(challenge).code(code), OkPay.bearer(shopper.token()));
    }

    /** Sessions whose pay call got no answer: the merchant asks OKPay whether they were paid. */
    private void settleUncertain() throws Exception {
        for (Unanswered lost; (lost = uncertain.poll()) != null; ) {
            CheckoutSession session = api.checkout.getCheckoutSession(lost.sessionId(), OkPay.bearer(token()));
            if (session.getStatus() == CheckoutSession.StatusEnum.COMPLETE) {
                paid.addAndGet(lost.amount());
                paidInTimedPhases.addAndGet(lost.amount());
            }
        }
    }

    private String token() throws ApiException {
        if (merchantToken == null || System.nanoTime() - merchantTokenAt > TOKEN_RENEW_NANOS) {
            renewToken();
        }
        return merchantToken;
    }

    private synchronized void renewToken() throws ApiException {
        if (merchantToken != null && System.nanoTime() - merchantTokenAt <= TOKEN_RENEW_NANOS) {
            return;
        }
        merchantToken = api.merchants.createClientCredentialsToken("client_credentials", clientId, clientSecret)
                .getAccessToken();
        merchantTokenAt = System.nanoTime();
    }
}
