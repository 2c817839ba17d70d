package io.okpay.it;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * House accounts as one test sees them while other IT classes run: what a house account moved in that test's own
 * ledger transactions (io.okpay.ledger.LedgerTestSupport), instead of a before/after of a balance everyone moves.
 */
public final class HouseLedger {

    private HouseLedger() {
    }

    /**
     * Minor units the house account (purpose, currency) moved, in the sign of its balance, over the transactions that
     * touch an account of {@code owner} (a person or merchant this test signed up) or name one of {@code refs} as their
     * external reference (a payout id: its fee leg runs between house accounts).
     */
    public static long moved(Http http, String purpose, String currency, String owner, String... refs) {
        StringBuilder query = new StringBuilder("?owner=").append(encode(owner));
        for (String ref : refs) {
            query.append("&ref=").append(encode(ref));
        }
        HttpResponse<String> read = http.get("/api/v1/test-ledger/house-moved/" + purpose + "/" + currency + query);
        assertEquals(200, read.statusCode(), read.body());
        return Long.parseLong(read.body().strip());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
