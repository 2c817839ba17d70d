package io.okpay.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The bank load: {@code clients} threads, each moving small random amounts between random pairs of people through
 * HAProxy, one transfer after another with a short pause, each with an Idempotency-Key of its own and no retry. Every
 * answer is kept (when, which status, Retry-After or not); every 201 is an acknowledged transfer whose id must be in the
 * ledger afterwards. Seeded: the same seed gives the same pairs and amounts in each client.
 */
final class Load implements AutoCloseable {

    /** One answer: when (ms since the suite began), the status ("io" when no HTTP answer came), Retry-After. */
    record Outcome(long at, String status, boolean retryAfter) {
        boolean acknowledged() {
            return status.equals("201");
        }
    }

    private final Bank bank;
    private final List<int[]> pairs;
    private final long origin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final List<Thread> threads = new ArrayList<>();
    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;

    Load(Bank bank, String url, List<int[]> pairs, long origin) {
        this.bank = bank;
        this.url = url;
        this.pairs = pairs;
        this.origin = origin;
    }

    void start(int clients, long seed, long pauseMillis) {
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 1000 + c);
            Thread t = new Thread(() -> drive(random, pauseMillis), "faults-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void drive(Random random, long pauseMillis) {
        while (!stopping) {
            int[] pair = pairs.get(random.nextInt(pairs.size()));
            long minor = 1 + random.nextInt(100);
            String key = new UUID(random.nextLong(), random.nextLong()).toString();
            Bank.Person from = bank.people.get(pair[0]);
            Outcome outcome = transfer(from, bank.people.get(pair[1]), minor, key);
            if (outcome.status().equals("401")) {
                try {
                    from.token = bank.signIn(from.email, from.password);
                } catch (Exception e) {
                    // counted as the 401 it was; the next round tries again
                }
            }
            outcomes.add(outcome);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Outcome transfer(Bank.Person from, Bank.Person to, long minor, String key) {
        JsonObject body = Json.createObjectBuilder().add("to", to.email).add("amount", Bank.decimal(minor))
                .add("currency", Bank.CURRENCY).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/transfers"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + from.token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long at = now();
            if (response.statusCode() == 201) {
                try (var reader = Json.createReader(new StringReader(response.body()))) {
                    acknowledged.add(reader.readObject().getString("id"));
                }
            }
            return new Outcome(at, Integer.toString(response.statusCode()),
                    response.headers().firstValue("Retry-After").isPresent());
        } catch (IOException e) {
            return new Outcome(now(), "io", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(now(), "io", false);
        }
    }

    long now() {
        return System.currentTimeMillis() - origin;
    }

    /** Answers by status within [from, to) ms; "503+RA" for a 503 with Retry-After. */
    Map<String, Long> statuses(long from, long to) {
        Map<String, Long> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.at() >= from && o.at() < to) {
                String key = o.status().equals("503") && o.retryAfter() ? "503+Retry-After" : o.status();
                counts.merge(key, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The last answer that was not a 201 at or after {@code from}, or -1. */
    long lastFailureAfter(long from) {
        long last = -1;
        for (Outcome o : outcomes) {
            if (o.at() >= from && !o.acknowledged()) {
                last = Math.max(last, o.at());
            }
        }
        return last;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join(40_000);
        }
    }
}
