package io.okpay.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server that keeps what it receives (GreenMail standalone, in its own process). Received mail is readable
 * over its REST API, e.g. {@code GET http://127.0.0.1:8025/api/user/<address>/messages/INBOX}.
 */
public final class EmbeddedMail implements AutoCloseable {

    private final Process process;
    private final int smtpPort;
    private final int apiPort;

    private EmbeddedMail(Process process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    public static EmbeddedMail start(int smtpPort, int apiPort, Path log) {
        List<String> command = List.of(ChildProcesses.javaExecutable(),
                "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-jar", ChildProcesses.jarOf("com.icegreen.greenmail.standalone.GreenMailStandaloneRunner").toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedMail mail = new EmbeddedMail(process, smtpPort, apiPort);
            if (!ChildProcesses.await(Duration.ofSeconds(60), process,
                    () -> ChildProcesses.portOpen(smtpPort) && ChildProcesses.httpStatus(mail.apiUrl() + "/api/service/readiness") == 200)) {
                mail.close();
                throw new IllegalStateException("The mail server did not start (SMTP " + smtpPort + ", API " + apiPort + "); see " + log);
            }
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the mail server", e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Base URL of the REST API that shows received mail. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }
}
