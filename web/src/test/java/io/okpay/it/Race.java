package io.okpay.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many callers released at one moment, as double clicks, retries and parallel clients arrive: for the tests that
 * prove that however many copies of a request race, the money moves once.
 */
public final class Race {

    /** What caller {@code i} (0 to n-1) does; what it throws fails the race. */
    @FunctionalInterface
    public interface Caller<T> {
        T call(int i) throws Exception;
    }

    private Race() {
    }

    /** Runs {@code callers} calls, each on its own thread, all started together; their answers in caller order. */
    public static <T> List<T> run(int callers, Caller<T> caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    start.await();
                    return caller.call(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : running) {
                answers.add(answer.get(3, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many of a burst of wrong guesses a throttle may check: its {@code free} tries, and one more each time the
     * wait after the last counted failure (1 s, then 2 s, 4 s, ...) has passed while the burst still ran. A burst
     * that lasts under a second gets the free tries only; a slow machine's longer burst is not a failure.
     */
    public static int checkedAtMost(int free, long burstMillis) {
        int more = 0;
        for (long waited = 1000; waited <= burstMillis; waited = waited * 2 + 1000) {
            more++;
        }
        return free + more;
    }

    /**
     * Races {@code callers} copies of an API request that creates something: every answer must have {@code status}
     * and name the one same object in its {@code id}; that id.
     */
    public static String oneId(int callers, int status, Caller<HttpResponse<String>> request) throws Exception {
        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> response : run(callers, request)) {
            assertEquals(status, response.statusCode(), response.body());
            ids.add(Http.json(response).getString("id"));
        }
        assertEquals(1, ids.size(), "every copy answers the one object: " + ids);
        return ids.iterator().next();
    }
}
