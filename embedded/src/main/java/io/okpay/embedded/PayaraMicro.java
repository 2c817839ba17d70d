package io.okpay.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payara Micro with okpay.war at the root context, in its own JVM, for the run command. */
final class PayaraMicro implements Watchdog.Child {

    private final Process process;

    private PayaraMicro(Process process) {
        this.process = process;
    }

    /**
     * Starts it and returns once OKPay answers; otherwise stops it and throws with the log's last lines.
     * {@code cluster} is {@code --nocluster} for a single instance, or the options that join it to a cluster.
     */
    static PayaraMicro start(Path war, int httpPort, String heap, Map<String, String> env, Path log, List<String> cluster)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(),
                "-Xmx" + heap,
                // out of memory, a JVM limps on with dead threads; exiting lets the run command's watchdog restart it
                "-XX:+ExitOnOutOfMemoryError",
                // two cores shared with MariaDB: the parallel collector's short stop-the-world pauses cost less CPU than
                // G1's concurrent work and write barriers (OKPay's garbage is short-lived request data)
                "-XX:+UseParallelGC",
                "-Dhazelcast.phone.home.enabled=false",
                // a cluster on this machine talks over loopback only (STACK.md fact 17)
                "-Dhazelcast.socket.bind.any=false",
                // JSON-P and Jakarta Mail otherwise scan every jar for their provider on each Json.createXxx() (MP JWT
                // does it per request) and on each MIME part (four per mail).
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
                "-jar", ChildProcesses.jarOf("fish.payara.micro.PayaraMicro").toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                "--disablephonehome",
                // Grizzly's pool otherwise grows to hundreds of threads; a few more than the cores keep MariaDB's
                // round trips overlapped without threads queueing on each other's row locks (OKPAY_HTTP_THREADS)
                "--minhttpthreads", "4",
                "--maxhttpthreads", httpThreads()));
        command.addAll(cluster);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        PayaraMicro payara = new PayaraMicro(builder.start());
        String base = "http://localhost:" + httpPort;
        // Payara prints its "ready" line even when the deployment failed (STACK.md fact 5): ask the application itself.
        boolean ready = ChildProcesses.await(Duration.ofMinutes(5), payara.process,
                () -> ChildProcesses.httpStatus(base + "/health/ready") == 200 && ChildProcesses.httpStatus(base + "/") == 200);
        if (!ready) {
            payara.close();
            throw new IllegalStateException("OKPay did not become ready. Last lines of " + log + ":\n" + tail(log, 40));
        }
        return payara;
    }

    private static String httpThreads() {
        String value = System.getenv("OKPAY_HTTP_THREADS");
        return value == null || value.isBlank() ? "16" : Integer.toString(Integer.parseInt(value.strip()));
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public String exitDescription() {
        return ChildProcesses.exitDescription(process);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
