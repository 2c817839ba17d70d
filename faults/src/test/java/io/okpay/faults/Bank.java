package io.okpay.faults;

import io.okpay.bench.Api;
import io.okpay.bench.MailBox;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The people of the bank load, made through the API as people make themselves (sign up, confirm the address from the
 * mail, sign in, top up by sandbox card), and the first transfer of each pair the load uses (its step-up code read
 * from the mail). Built on the benchmark's API client and mail box only.
 */
final class Bank {

    static final String CURRENCY = "EUR";
    static final long FUNDING_MINOR = 1000_00;
    private static final String PASSWORD = "Faults tulip lantern 18 ";

    /** A person of the load; {@code token} is replaced when it is signed in again. */
    static final class Person {
        final int index;
        final String email;
        final String password;
        volatile String token;

        Person(int index, String email, String password, String token) {
            this.index = index;
            this.email = email;
            this.password = password;
            this.token = token;
        }
    }

    final Api api;
    final MailBox mail;
    final List<Person> people = new ArrayList<>();
    final String run;
    long funded;

    Bank(String url, String mailApi, long seed) {
        this.api = new Api(url);
        this.mail = new MailBox(mailApi);
        this.run = Long.toString(new Random(seed).nextInt(1 << 30) ^ (System.currentTimeMillis() % 100_000), 36);
    }

    /** Signs up and confirms an account; returns its password. */
    String signUp(String email, String username) throws Exception {
        String password = PASSWORD + UUID.randomUUID();
        require(api.post("/users", null, null, Json.createObjectBuilder().add("email", email).add("username", username)
                .add("password", password).add("locale", "en").build()), 201, "sign-up of " + email);
        String verification = mail.verificationToken(email);
        require(api.post("/users/verification", null, null, Json.createObjectBuilder().add("token", verification).build()),
                204, "verification of " + email);
        return password;
    }

    /**
     * The one place the suite signs in (API access token): password, then the e-mailed code when the account answers
     * 401 code_required (operators always; everyone where sign-in codes are on).
     */
    String signIn(String email, String password) throws Exception {
        return signIn(api, email, password);
    }

    /** {@link #signIn(String, String)} on another OKPay (the restored copy of the backup drill). */
    String signIn(Api api, String email, String password) throws Exception {
        int seen = mail.codeCount(email);
        Api.Answer token = api.post("/auth/token", null, null, Json.createObjectBuilder().add("grant_type", "password")
                .add("email", email).add("password", password).build());
        if (token.status() == 401 && token.code().equals("code_required")) {
            String code = mail.nextCode(email, seen);
            token = api.post("/auth/token", null, null, Json.createObjectBuilder().add("grant_type", "one_time_code")
                    .add("sign_in_id", token.object().getString("sign_in_id"))
                    .add("challenge_id", token.object().getString("challenge_id")).add("code", code).build());
        }
        require(token, 200, "sign-in of " + email);
        return token.object().getString("access_token");
    }

    /** Sign-up, sign-in and a card top-up of {@link #FUNDING_MINOR} for each of {@code count} people. */
    void open(int count) throws Exception {
        List<java.util.concurrent.Callable<Person>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> {
                String email = "faults-" + run + "-" + index + "@faults.example.com";
                String password = signUp(email, "f" + run + "x" + index);
                Person person = new Person(index, email, password, signIn(email, password));
                Api.Answer topUp = api.post("/topups", person.token, UUID.randomUUID().toString(),
                        Json.createObjectBuilder().add("method", "card").add("amount", decimal(FUNDING_MINOR))
                                .add("currency", CURRENCY).add("card", Json.createObjectBuilder()
                                        .add("number", "4242424242424242").add("exp_month", 12).add("exp_year", 2035)
                                        .add("cvc", "123")).build());
                require(topUp, 201, "top-up of " + email);
                return person;
            });
        }
        for (Person p : FaultSuiteIT.all(6, tasks)) {
            people.add(p);
            funded += FUNDING_MINOR;
        }
    }

    /** The pairs the load uses: each person to the next {@code recipients} people. */
    List<int[]> pairs(int recipients) {
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < people.size(); s++) {
            for (int k = 1; k <= recipients; k++) {
                pairs.add(new int[]{s, (s + k) % people.size()});
            }
        }
        return pairs;
    }

    /** A first small transfer over every pair, with the step-up code a first transfer to someone needs. */
    void warmUp(List<int[]> pairs) throws Exception {
        java.util.Map<Integer, List<Integer>> bySender = new java.util.TreeMap<>();
        for (int[] pair : pairs) {
            bySender.computeIfAbsent(pair[0], s -> new ArrayList<>()).add(pair[1]);
        }
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        bySender.forEach((sender, recipients) -> tasks.add(() -> {
            Person from = people.get(sender);
            for (int r : recipients) {
                Person to = people.get(r);
                String key = UUID.randomUUID().toString();
                int seen = mail.codeCount(from.email);
                Api.Answer answer = transfer(from, to, 1, key, null, null);
                if (answer.status() == 403 && answer.code().equals("step_up_required")) {
                    answer = transfer(from, to, 1, key, answer.object().getString("challenge_id"),
                            mail.nextCode(from.email, seen));
                }
                require(answer, 201, "first transfer " + from.email + " -> " + to.email);
            }
            return null;
        }));
        FaultSuiteIT.all(6, tasks);
    }

    private Api.Answer transfer(Person from, Person to, long minor, String key, String challenge, String code)
            throws Exception {
        var body = Json.createObjectBuilder().add("to", to.email).add("amount", decimal(minor)).add("currency", CURRENCY);
        if (challenge != null) {
            body.add("challenge_id", challenge).add("code", code);
        }
        return api.post("/transfers", from.token, key, body.build());
    }

    /** Everyone's balance in the currency, through the API (a negative one is reported by the caller). */
    long[] balances() throws Exception {
        long[] balances = new long[people.size()];
        for (Person p : people) {
            Api.Answer answer = api.get("/balances", p.token);
            if (answer.status() == 401) {
                p.token = signIn(p.email, p.password);
                answer = api.get("/balances", p.token);
            }
            require(answer, 200, "balances of " + p.email);
            for (JsonObject b : answer.body().asJsonArray().getValuesAs(JsonObject.class)) {
                if (b.getString("currency").equals(CURRENCY)) {
                    balances[p.index] = new BigDecimal(b.getString("balance")).movePointRight(2).longValueExact();
                }
            }
        }
        return balances;
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    static void require(Api.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
