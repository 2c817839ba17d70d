package io.okpay.bench;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
        Map<Options.Scenario, RunResult> sameWork = new EnumMap<>(Options.Scenario.class);
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
            if (options.limitsOffToo()) {
                // What limits cost, in one run: after the phases above (limits on), each transfer scenario twice with
                // limits off, then once more with them on. On, off, off, on puts both at the same mean time, so
                // neither gets the colder server or the fuller tables; each figure is the sum of its two phases.
                Map<Options.Scenario, List<RunResult>> on = new EnumMap<>(Options.Scenario.class);
                Map<Options.Scenario, List<RunResult>> off = new EnumMap<>(Options.Scenario.class);
                okpay.forEach((scenario, result) -> on.put(scenario, new ArrayList<>(List.of(result))));
                bench.switchLimits(false);
                try {
                    limitPhases(bench, options, "limits off", off);
                    limitPhases(bench, options, "limits off", off);
                } finally {
                    bench.switchLimits(true);
                }
                limitPhases(bench, options, "limits on", on);
                off.forEach((scenario, phases) -> {
                    RunResult limitsOn = RunResult.sum(on.get(scenario));
                    RunResult limitsOff = RunResult.sum(phases);
                    okpay.put(scenario, limitsOn);
                    System.out.println("[bench] limits on, both phases: " + Report.of(limitsOn));
                    System.out.println("[bench] limits off, both phases: " + Report.of(limitsOff));
                    System.out.println("[bench] " + Report.ratio("OKPay limits on/off " + scenario.name()
                            .toLowerCase(), limitsOn, limitsOff));
                });
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
        for (Options.Baseline baseline : options.baselines()) {
            if (baseline == Options.Baseline.PLAIN) {
                baselinePhases(options, "plain-JDBC", new JdbcBaseline(options)::run, jdbc);
            } else {
                baselinePhases(options, "same-work JDBC", new SameWorkBaseline(options)::run, sameWork);
            }
        }
        System.out.println("[bench] ---- summary ----");
        okpay.values().forEach(r -> System.out.println(Report.of(r)));
        jdbc.values().forEach(r -> System.out.println(Report.of(r)));
        sameWork.values().forEach(r -> System.out.println(Report.of(r)));
        for (Options.Scenario scenario : options.scenarios()) {
            Report.baselineRatios(scenario.name().toLowerCase(), okpay.get(scenario), jdbc.get(scenario),
                    sameWork.get(scenario)).forEach(line -> System.out.println("[bench] " + line));
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

    /** A phase that runs one scenario outside OKPay. */
    private interface Phase {
        RunResult run(Options.Scenario scenario) throws Exception;
    }

    /** A baseline's phase of each transfer scenario, printed and put into {@code results}. */
    private static void baselinePhases(Options options, String label, Phase baseline,
                                       Map<Options.Scenario, RunResult> results) throws Exception {
        for (Options.Scenario scenario : options.scenarios()) {
            if (!scenario.p2p()) {
                System.out.println("[bench] no " + label + " baseline for " + scenario.name().toLowerCase());
                continue;
            }
            Report.Cpu cpu = Report.Cpu.start();
            RunResult result = baseline.run(scenario);
            results.put(scenario, result);
            System.out.println(Report.of(result));
            System.out.println("[bench] " + cpu.share(result.name()));
        }
    }

    /** One more phase of each transfer scenario, printed and added to its list. */
    private static void limitPhases(ApiBenchmark bench, Options options, String label,
                                    Map<Options.Scenario, List<RunResult>> phases) throws Exception {
        for (Options.Scenario scenario : options.scenarios()) {
            if (scenario.p2p()) {
                Report.Cpu cpu = Report.Cpu.start();
                RunResult result = bench.run(scenario);
                phases.computeIfAbsent(scenario, s -> new ArrayList<>()).add(result);
                System.out.println("[bench] " + label + ": " + Report.of(result));
                System.out.println("[bench] " + cpu.share(scenario.name().toLowerCase() + ", " + label));
            }
        }
    }
}
