package io.okpay.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key of a development installation: 32 random bytes, base64, kept in a file only its owner can read, so
 * that data encrypted in one run can be read in the next. Production passes OKPAY_MASTER_KEY from its secret store.
 */
final class MasterKeyFile {

    private MasterKeyFile() {
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String key = newKey();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key " + file, e);
        }
    }
}
