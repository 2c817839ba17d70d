package io.okpay.notification.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * For development and tests: sends nothing, appends each message as one line "time<TAB>number<TAB>text" to a file the
 * developer can read (okpay.sms.sandbox-file).
 */
public class SandboxSmsGateway implements SmsGateway {

    private final Path file;

    public SandboxSmsGateway(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(String phoneNumber, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String line = Instant.now() + "\t" + phoneNumber + "\t" + text.replace('\n', ' ') + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The newest message to this number, if any. */
    public synchronized Optional<String> latest(String phoneNumber) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).split("\t", 3);
            if (parts.length == 3 && parts[1].equals(phoneNumber)) {
                return Optional.of(parts[2]);
            }
        }
        return Optional.empty();
    }
}
