package io.okpay.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one Payara Micro of an integration-test run: okpay.war plus the test-support classes (every compiled test class
 * that is not a test itself: *IT and *Test stay in the test JVM), at the root context on a free port.
 */
final class IntegrationTestServer implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private IntegrationTestServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts the server and returns at once: its address is known before it is ready, so the test JVM can go on
     * (an in-container test boots its own server meanwhile) until {@link #awaitReady()}.
     *
     * @param options the server's -D options (database, mail, test settings), one per element
     * @param log     where Payara's output goes; its last lines are in the exception when the start fails
     */
    static IntegrationTestServer launch(Path okpayWar, Path testClasses, Path work, List<String> options, Path log) throws IOException {
        Path war = testWar(okpayWar, testClasses, work.resolve("okpay-it.war"));
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-Xmx768m",
                "-Dhazelcast.phone.home.enabled=false",
                // As in the run command: JSON-P and Jakarta Mail would otherwise scan every jar for their provider.
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider"));
        command.addAll(options);
        command.addAll(List.of("-jar", ChildProcesses.jarOf("fish.payara.micro.PayaraMicro").toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--disablephonehome"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new IntegrationTestServer(process, "http://localhost:" + port + "/", log);
    }

    /** Waits until the application answers ready; stops the server and names the log's last lines when it does not. */
    void awaitReady() throws IOException {
        // Payara prints its "ready" line even when the deployment failed: ask the application itself.
        boolean ready = ChildProcesses.await(Duration.ofMinutes(5), process,
                () -> ChildProcesses.httpStatus(baseUrl + "health/ready") == 200);
        if (!ready) {
            close();
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("Payara Micro with the test WAR did not become ready; last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    /** okpay.war with the test-support classes added under WEB-INF/classes. */
    static Path testWar(Path okpayWar, Path testClasses, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
             ZipInputStream in = new ZipInputStream(Files.newInputStream(okpayWar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            List<Path> support;
            try (Stream<Path> files = Files.walk(testClasses)) {
                support = files.filter(IntegrationTestServer::isTestSupportClass).sorted().toList();
            }
            for (Path file : support) {
                out.putNextEntry(new ZipEntry("WEB-INF/classes/" + testClasses.relativize(file).toString().replace('\\', '/')));
                try (InputStream content = Files.newInputStream(file)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    /** A compiled test class that belongs in the server: not a test (*IT, *Test) nor nested in one. */
    static boolean isTestSupportClass(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class")) {
            return false;
        }
        String outer = name.substring(0, name.length() - ".class".length()).split("\\$", 2)[0];
        return !outer.endsWith("IT") && !outer.endsWith("Test");
    }

    /** "-Da=1 -Db=2" as separate options; the values have no spaces. */
    static List<String> options(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? List.of()
                : Arrays.stream(spaceSeparated.trim().split("\\s+")).toList();
    }

    static List<String> properties(Map<String, String> values) {
        return values.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }
}
