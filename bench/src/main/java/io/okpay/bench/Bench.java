package io.okpay.bench;

import jakarta.json.JsonObject;

import java.util.EnumMap;
import java.util.Map;

/** The benchmark command: see {@link Options#USAGE} and the README's "Benchmark" section. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        // One JSON provider, named: Json.createXxx() otherwise looks it up through the ServiceLoader on every call.
        System.setProperty("jakarta.json.provider", "org.eclipse.parsson.JsonProviderImpl");
        System.out.println("[bench] machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version"));
        System.out.println("[bench] load average at the start: " + Report.loadAverage());
        Map<Options.Scenario, RunResult> okpay = new EnumMap<>(Options.Scenario.class);
        Map<Options.Scenario, RunResult> jdbc = new EnumMap<>(Options.Scenario.class);
        boolean clean = true;
        if (!options.baselineOnly()) {
            // Receipts of an earlier run would otherwise fill the catcher and slow its answers down.
            System.out.println("[bench] mail catcher: " + new MailBox(options.mailApi()).purge());
            ApiBenchmark bench = new ApiBenchmark(options);
            long before = bench.prepare();
            System.out.println("[bench] balances after funding: " + before + " minor units (topped up "
                    + bench.toppedUp() + ")");
            CheckoutBenchmark checkout = null;
            long merchantBefore = 0;
            if (options.scenarios().contains(Options.Scenario.CHECKOUT)) {
                checkout = new CheckoutBenchmark(bench, options);
                checkout.prepare();
                merchantBefore = checkout.merchantBalance();
            }
            if (options.warmupSeconds() > 0 && options.scenarios().stream().anyMatch(Options.Scenario::p2p)) {
                // A freshly started server compiles its hot code during the first minute or two (the JIT took a
                // quarter of Payara's CPU in the first phase): without this the first phase measures the compiler.
                System.out.println("[bench] warm-up, not measured: uniform transfers for " + options.warmupSeconds()
                        + " s ...");
                RunResult warm = bench.run(Options.Scenario.UNIFORM, options.warmupSeconds());
                System.out.println("[bench] warm-up: " + warm.succeeded() + " transfers, errors " + warm.errors());
            }
            for (Options.Scenario scenario : options.scenarios()) {
                Report.Cpu cpu = Report.Cpu.start();
                RunResult result = scenario == Options.Scenario.CHECKOUT ? checkout.run() : bench.run(scenario);
                okpay.put(scenario, result);
                System.out.println(Report.of(result));
                System.out.println("[bench] " + cpu.share(scenario.name().toLowerCase()));
                if (scenario == Options.Scenario.CHECKOUT) {
                    System.out.println("[bench] checkout: the merchant's session creation (not in the throughput): "
                            + Report.latencies(checkout.createLatencies()));
                }
            }
            Map<Options.Scenario, RunResult> limitsOff = new EnumMap<>(Options.Scenario.class);
            if (options.limitsOffToo()) {
                // The same transfers again with the server's limits switched off: what limits cost, in one run.
                bench.switchLimits(false);
                try {
                    for (Options.Scenario scenario : options.scenarios()) {
                        if (scenario.p2p()) {
                            RunResult result = bench.run(scenario);
                            limitsOff.put(scenario, result);
                            System.out.println("[bench] limits off: " + Report.of(result));
                        }
                    }
                } finally {
                    bench.switchLimits(true);
                }
                limitsOff.forEach((scenario, off) -> System.out.println("[bench] " + Report.ratio(
                        "OKPay limits on/off " + scenario.name().toLowerCase(), okpay.get(scenario), off)));
            }
            long after = bench.balances();
            long paidOut = checkout == null ? 0 : checkout.paid();
            boolean conserved = before == bench.toppedUp() && after == before - paidOut;
            clean = conserved;
            System.out.println("[bench] money conserved (topped up == balances before == balances after + paid to "
                    + "the merchant, no negative balance): " + (conserved ? "yes" : "NO") + " (" + bench.toppedUp()
                    + " / " + before + " / " + after + " + " + paidOut + ")");
            if (checkout != null) {
                long received = checkout.merchantBalance() - merchantBefore;
                long timedPaid = checkout.paidInTimedPhases();
                boolean plausible = received > 0 && received < timedPaid;
                clean &= plausible;
                System.out.println("[bench] checkout: shoppers paid " + timedPaid + " in the timed phase, the merchant "
                        + "received " + received + ", fees " + (timedPaid - received) + " (minor units): "
                        + (plausible ? "plausible" : "NOT plausible"));
            }
            JsonObject reconciliation = bench.reconcile();
            if (reconciliation == null) {
                System.out.println("[bench] ledger reconciliation: not run (no operator account given: "
                        + "--operator-email/--operator-password of a FINANCE or ADMIN user)");
            } else {
                clean &= reconciliation.getBoolean("consistent", false);
                System.out.println("[bench] ledger reconciliation: " + reconciliation);
            }
        }
        if (options.jdbcUrl() != null) {
            JdbcBaseline baseline = new JdbcBaseline(options);
            for (Options.Scenario scenario : options.scenarios()) {
                if (!scenario.p2p()) {
                    System.out.println("[bench] no plain-JDBC baseline for " + scenario.name().toLowerCase());
                    continue;
                }
                Report.Cpu cpu = Report.Cpu.start();
                RunResult result = baseline.run(scenario);
                jdbc.put(scenario, result);
                System.out.println(Report.of(result));
                System.out.println("[bench] " + cpu.share("jdbc " + scenario.name().toLowerCase()));
            }
        }
        System.out.println("[bench] ---- summary ----");
        okpay.values().forEach(r -> System.out.println(Report.of(r)));
        jdbc.values().forEach(r -> System.out.println(Report.of(r)));
        for (Options.Scenario scenario : options.scenarios()) {
            if (okpay.containsKey(scenario) && jdbc.containsKey(scenario)) {
                System.out.println("[bench] " + Report.ratio("OKPay/baseline " + scenario.name().toLowerCase(),
                        okpay.get(scenario), jdbc.get(scenario)));
            }
        }
        if (okpay.containsKey(Options.Scenario.HOT) && okpay.containsKey(Options.Scenario.UNIFORM)) {
            System.out.println("[bench] " + Report.ratio("OKPay hot/uniform", okpay.get(Options.Scenario.HOT),
                    okpay.get(Options.Scenario.UNIFORM)));
        }
        if (okpay.containsKey(Options.Scenario.CHECKOUT) && okpay.containsKey(Options.Scenario.UNIFORM)) {
            System.out.println("[bench] " + Report.ratio("OKPay checkout/uniform", okpay.get(Options.Scenario.CHECKOUT),
                    okpay.get(Options.Scenario.UNIFORM)));
        }
        System.out.println("[bench] load average at the end: " + Report.loadAverage());
        System.exit(clean ? 0 : 1);
    }
}
