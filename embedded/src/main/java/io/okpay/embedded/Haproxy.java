package io.okpay.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's HAProxy in front of the cluster's instances, on 127.0.0.1: round robin over the instances whose
 * {@code /health/ready} answers 200 (checked every second; down after two failures, up after two successes), a
 * person's requests kept on one instance by a cookie while it lives and sent to another when it dies (the session is
 * replicated in the data grid), and a request that could not reach its instance sent again to another. With no
 * instance ready (the database unreachable: readiness is DOWN everywhere) HAProxy answers 503 with Retry-After itself,
 * as OKPay's own problem document.
 */
final class Haproxy implements Watchdog.Child {

    static final String EXECUTABLE = "/usr/sbin/haproxy";

    private final Process process;

    private Haproxy(Process process) {
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(EXECUTABLE));
    }

    /** Starts HAProxy on {@code port} in front of the instances on {@code instancePorts}; returns once it listens. */
    static Haproxy start(int port, List<Integer> instancePorts, Path work, Path log) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("A cluster needs HAProxy: apt-get install haproxy");
        }
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, config(port, instancePorts));
        Process process = new ProcessBuilder(EXECUTABLE, "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Haproxy haproxy = new Haproxy(process);
        if (!ChildProcesses.await(Duration.ofSeconds(20), process, () -> ChildProcesses.portOpen(port))) {
            haproxy.close();
            throw new IllegalStateException("HAProxy did not start on port " + port + "; see " + log);
        }
        return haproxy;
    }

    static String config(int port, List<Integer> instancePorts) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < instancePorts.size(); i++) {
            servers.append("    server okpay").append(i + 1).append(" 127.0.0.1:").append(instancePorts.get(i))
                    .append(" check inter 1s fall 2 rise 2 cookie okpay").append(i + 1).append('\n');
        }
        return """
                global
                    maxconn 4096
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 2
                    option redispatch
                    option forwardfor
                    http-error status 503 content-type application/problem+json hdr Retry-After 5 string '{"type":"urn:okpay:problem:service_unavailable","title":"Service unavailable","status":503,"code":"service_unavailable","detail":"OKPay is not ready on any instance (its database may be unreachable). Nothing was changed. Please try again in a few seconds."}'
                frontend okpay
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    cookie OKPAY_INSTANCE insert indirect nocache httponly
                    option httpchk GET /health/ready
                    http-check expect status 200
                %s""".formatted(port, servers);
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
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
}
