package io.okpay.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line. {@code --url} drives the API; with {@code --jdbc-url} both JDBC baselines run too, in the same
 * process after the API phase, and the ratios are printed. {@code --baseline-jdbc} and {@code --baseline-same-work}
 * each pick one baseline to run without the API (both flags: both baselines).
 */
public record Options(String url, String mailApi, int users, int clients, int seconds, List<Scenario> scenarios,
                      int recipientsPerUser, String currency, String jdbcUrl, String jdbcUser, String jdbcPassword,
                      boolean baselineOnly, List<Baseline> baselines, String operatorEmail, String operatorPassword,
                      boolean limitsOffToo, int warmupSeconds) {

    public enum Scenario {
        /** Random pairs among the pre-warmed pairs: each user pays its {@code --recipients} neighbours. */
        UNIFORM,
        /** Every user pays the same account. */
        HOT,
        /** Many shoppers pay one merchant: the merchant creates checkout sessions, shoppers pay them. */
        CHECKOUT;

        /** A transfer scenario (people pay people), as opposed to checkout. */
        public boolean p2p() {
            return this != CHECKOUT;
        }
    }

    /** The JDBC baselines beside OKPay's figures, in the order they run. */
    public enum Baseline {
        /** A toy schema: per transfer two balances locked, two entries, two updates ({@link JdbcBaseline}). */
        PLAIN,
        /** OKPay's own schema and the statements one transfer's posting executes ({@link SameWorkBaseline}). */
        SAME_WORK
    }

    public static final String USAGE = """
            usage: bench [--url http://localhost:8080] [--mail-api http://127.0.0.1:8025] [--users 200] [--clients 32]
                         [--seconds 60] [--scenario uniform|hot|checkout|both|a,b,...] [--recipients 4] [--currency USD]
                         [--jdbc-url jdbc:mariadb://127.0.0.1:3307/ --jdbc-user root --jdbc-password '']
                         [--baseline-jdbc] [--baseline-same-work]
                         [--operator-email ... --operator-password ...] [--limits-off-too] [--warmup-seconds 30]
            """;

    public static Options parse(String... args) {
        String url = "http://localhost:8080";
        String mailApi = "http://127.0.0.1:8025";
        int users = 200;
        int clients = 32;
        int seconds = 60;
        String scenario = "both";
        int recipients = 4;
        String currency = "USD";
        String jdbcUrl = null;
        String jdbcUser = "root";
        String jdbcPassword = "";
        List<Baseline> alone = new ArrayList<>();
        boolean limitsOffToo = false;
        int warmupSeconds = 30;
        String operatorEmail = null;
        String operatorPassword = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--baseline-jdbc")) {
                alone.add(Baseline.PLAIN);
                continue;
            }
            if (name.equals("--baseline-same-work")) {
                alone.add(Baseline.SAME_WORK);
                continue;
            }
            if (name.equals("--limits-off-too")) {
                limitsOffToo = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = stripSlash(value);
                case "--mail-api" -> mailApi = stripSlash(value);
                case "--users" -> users = positive(name, value);
                case "--clients" -> clients = positive(name, value);
                case "--seconds" -> seconds = positive(name, value);
                case "--warmup-seconds" -> warmupSeconds = notNegative(name, value);
                case "--scenario" -> scenario = value.toLowerCase(Locale.ROOT);
                case "--recipients" -> recipients = positive(name, value);
                case "--currency" -> currency = value.toUpperCase(Locale.ROOT);
                case "--jdbc-url" -> jdbcUrl = value;
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                case "--operator-email" -> operatorEmail = value;
                case "--operator-password" -> operatorPassword = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        boolean baselineOnly = !alone.isEmpty();
        List<Scenario> scenarios = new ArrayList<>();
        for (String one : scenario.split(",")) {
            switch (one.strip()) {
                case "uniform" -> scenarios.add(Scenario.UNIFORM);
                case "hot" -> scenarios.add(Scenario.HOT);
                case "checkout" -> scenarios.add(Scenario.CHECKOUT);
                case "both" -> scenarios.addAll(List.of(Scenario.UNIFORM, Scenario.HOT));
                default -> throw new IllegalArgumentException(
                        "--scenario must be uniform, hot, checkout, both or a comma-separated list, not " + scenario);
            }
        }
        if (scenarios.contains(Scenario.CHECKOUT) && operatorEmail == null && !baselineOnly) {
            throw new IllegalArgumentException("--scenario checkout needs --operator-email/--operator-password of a "
                    + "COMPLIANCE operator (it approves the benchmark's merchant)");
        }
        if (users < 2) {
            throw new IllegalArgumentException("--users must be at least 2");
        }
        if (recipients >= users) {
            throw new IllegalArgumentException("--recipients must be less than --users");
        }
        if (baselineOnly && jdbcUrl == null) {
            throw new IllegalArgumentException("--baseline-jdbc and --baseline-same-work need --jdbc-url");
        }
        List<Baseline> baselines = jdbcUrl == null ? List.of()
                : Arrays.stream(Baseline.values()).filter(b -> !baselineOnly || alone.contains(b)).toList();
        if ((operatorEmail == null) != (operatorPassword == null)) {
            throw new IllegalArgumentException("--operator-email and --operator-password go together");
        }
        return new Options(url, mailApi, users, clients, seconds, List.copyOf(scenarios), recipients, currency,
                jdbcUrl, jdbcUser, jdbcPassword, baselineOnly, baselines, operatorEmail, operatorPassword, limitsOffToo,
                warmupSeconds);
    }

    private static int notNegative(String name, String value) {
        return value.equals("0") ? 0 : positive(name, value);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
