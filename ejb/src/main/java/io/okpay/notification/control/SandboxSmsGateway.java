package io.okpay.notification.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * For development and tests: sends nothing, appends each message as one line "time<TAB>number<TAB>text" to a file the
 * developer can read (okpay.sms.sandbox-file). The lines are one-time codes and phone numbers, so the file is readable
 * by the account OKPay runs as only (rw-------), whatever it was before, and a directory made for it is rwx------.
 */
public class SandboxSmsGateway implements SmsGateway {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public SandboxSmsGateway(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized void send(String phoneNumber, String text) throws IOException {
        prepare();
        String line = Instant.now() + "\t" + phoneNumber + "\t" + text.replace('\n', ' ') + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Creates the file owner-only (never readable by others for a moment), or narrows an existing one. */
    private void prepare() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(file.getParent());
            return; // no POSIX permissions to set (Windows: the user's profile directory is private already)
        }
        if (!Files.isDirectory(file.getParent())) {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (FileAlreadyExistsException existing) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        }
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
