package io.okpay.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server that keeps what it receives (GreenMail, in its own JVM: {@link MailCatcher}). Received mail is
 * readable over GreenMail's REST API, e.g. {@code GET http://127.0.0.1:8025/api/user/<address>/messages/INBOX}; only
 * the newest {@link #KEEP} messages are kept, and the JVM exits on running out of memory rather than living on
 * without SMTP (the run command's watchdog then starts it again).
 */
public final class EmbeddedMail implements Watchdog.Child {

    /** Messages kept; with OKPay's mails (a few KB each) they take well under 100 MB of the heap below. */
    static final int KEEP = 10_000;
    private static final String HEAP = "-Xmx512m";

    private final Process process;
    private final int smtpPort;
    private final int apiPort;
    private final int imapPort;

    private EmbeddedMail(Process process, int smtpPort, int apiPort, int imapPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.imapPort = imapPort;
    }

    public static EmbeddedMail start(int smtpPort, int apiPort, Path log) {
        return start(smtpPort, apiPort, 0, log);
    }

    /** With IMAP on {@code imapPort} too (0: none): the support desk reads the support address's mailbox over it. */
    public static EmbeddedMail start(int smtpPort, int apiPort, int imapPort, Path log) {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(),
                HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp", ChildProcesses.jarOf(MailCatcher.class.getName()) + File.pathSeparator
                        + ChildProcesses.jarOf("com.icegreen.greenmail.standalone.GreenMailApiResource"),
                MailCatcher.class.getName(),
                Integer.toString(smtpPort), Integer.toString(apiPort), Integer.toString(KEEP)));
        if (imapPort > 0) {
            command.add(Integer.toString(imapPort));
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedMail mail = new EmbeddedMail(process, smtpPort, apiPort, imapPort);
            if (!ChildProcesses.await(Duration.ofSeconds(60), process, mail::answers)) {
                mail.close();
                throw new IllegalStateException("The mail server did not start (SMTP " + smtpPort + ", API " + apiPort + "); see " + log);
            }
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the mail server", e);
        }
    }

    /** The IMAP port, 0 when started without IMAP. */
    public int imapPort() {
        return imapPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Base URL of the REST API that shows received mail. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** SMTP accepts connections and the REST API says it is ready. */
    @Override
    public boolean answers() {
        return ChildProcesses.portOpen(smtpPort) && (imapPort == 0 || ChildProcesses.portOpen(imapPort))
                && ChildProcesses.httpStatus(apiUrl() + "/api/service/readiness") == 200;
    }

    @Override
    public String exitDescription() {
        return ChildProcesses.exitDescription(process);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }
}
