package io.okpay.faults;

import io.okpay.bench.Api;
import io.okpay.bench.MailBox;
import io.okpay.client.ApiException;
import io.okpay.client.OkPay;
import io.okpay.client.model.Balance;
import io.okpay.client.model.SignUpRequest;
import io.okpay.client.model.TopUpRequest;
import io.okpay.client.model.TopUpRequestCard;
import io.okpay.client.model.TransferRequest;
import io.okpay.client.model.VerifyUserEmailRequest;

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
        api.identity.createUser(new SignUpRequest().email(email).username(username).password(password)
                .locale(SignUpRequest.LocaleEnum.EN));
        api.identity.verifyUserEmail(new VerifyUserEmailRequest().token(mail.verificationToken(email)));
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
        return api.signIn(mail, email, password);
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
                api.topUps.createTopUp(UUID.randomUUID().toString(), new TopUpRequest()
                        .method(TopUpRequest.MethodEnum.CARD).amount(decimal(FUNDING_MINOR)).currency(CURRENCY)
                        .card(new TopUpRequestCard().number("4242424242424242").expMonth(12).expYear(2035).cvc("123")),
                        OkPay.bearer(person.token));
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
                try {
                    transfer(from, to, 1, key, null, null);
                } catch (ApiException e) {
                    String challenge = api.stepUpChallenge(e).orElseThrow(() -> new IllegalStateException(
                            "first transfer " + from.email + " -> " + to.email + ": " + e.getMessage(), e));
                    transfer(from, to, 1, key, challenge, mail.nextCode(from.email, seen));
                }
            }
            return null;
        }));
        FaultSuiteIT.all(6, tasks);
    }

    private void transfer(Person from, Person to, long minor, String key, String challenge, String code)
            throws ApiException {
        api.transfers.createTransfer(key, new TransferRequest().to(to.email).amount(decimal(minor)).currency(CURRENCY)
                .challengeId(challenge).code(code), OkPay.bearer(from.token));
    }

    /** Everyone's balance in the currency, through the API (a negative one is reported by the caller). */
    long[] balances() throws Exception {
        long[] balances = new long[people.size()];
        for (Person p : people) {
            List<Balance> answer;
            try {
                answer = api.wallet.listBalances(OkPay.bearer(p.token));
            } catch (ApiException e) {
                if (e.getCode() != 401) {
                    throw e;
                }
                p.token = signIn(p.email, p.password);
                answer = api.wallet.listBalances(OkPay.bearer(p.token));
            }
            for (Balance b : answer) {
                if (b.getCurrency().equals(CURRENCY)) {
                    balances[p.index] = new BigDecimal(b.getBalance()).movePointRight(2).longValueExact();
                }
            }
        }
        return balances;
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
