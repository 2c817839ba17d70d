package io.okpay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's own limit for the same money movement: per transfer one transaction that locks
 * both balances in id order with one SELECT ... FOR UPDATE, inserts two entries, updates two balances and commits
 * (durable commits, the server's default). Works in a schema of its own, {@code okpay_bench_baseline}, on the given
 * server, so OKPay's ledger is never touched.
 */
public final class JdbcBaseline {

    private static final String SCHEMA = "okpay_bench_baseline";
    private static final long OPENING_BALANCE = 1_000_000_000L;

    private final Options options;

    public JdbcBaseline(Options options) {
        this.options = options;
    }

    public RunResult run(Options.Scenario scenario) throws Exception {
        setUp();
        RunResult result = JdbcPhase.run("jdbc " + scenario.name().toLowerCase(), options, scenario, Transfers::new);
        long total = total();
        if (total != OPENING_BALANCE * options.users()) {
            throw new IllegalStateException("baseline lost money: " + total + " != " + OPENING_BALANCE * options.users());
        }
        return result;
    }

    private void setUp() throws SQLException {
        try (Connection c = JdbcPhase.connect(options); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
            s.execute("USE " + SCHEMA);
            s.execute("DROP TABLE IF EXISTS bench_entry");
            s.execute("DROP TABLE IF EXISTS bench_account");
            s.execute("CREATE TABLE bench_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL, "
                    + "entry_count BIGINT NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE bench_entry (id BIGINT AUTO_INCREMENT PRIMARY KEY, account_id BIGINT NOT NULL, "
                    + "amount BIGINT NOT NULL, balance_after BIGINT NOT NULL, created_at DATETIME(6) NOT NULL, "
                    + "INDEX (account_id)) ENGINE=InnoDB");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_account (id, balance, entry_count) VALUES (?, ?, 0)")) {
                for (int i = 0; i < options.users(); i++) {
                    insert.setLong(1, i);
                    insert.setLong(2, OPENING_BALANCE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private long total() throws SQLException {
        try (Connection c = JdbcPhase.connect(options); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM " + SCHEMA + ".bench_account")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One connection's three statements, the toy transfer. */
    private static final class Transfers implements JdbcPhase.Mover {
        private final Connection c;
        private final PreparedStatement lock;
        private final PreparedStatement entry;
        private final PreparedStatement update;

        Transfers(Connection c) throws SQLException {
            this.c = c;
            c.setCatalog(SCHEMA);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            lock = c.prepareStatement("SELECT id, balance FROM bench_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE");
            entry = c.prepareStatement(
                    "INSERT INTO bench_entry (account_id, amount, balance_after, created_at) VALUES (?, ?, ?, NOW(6))");
            update = c.prepareStatement("UPDATE bench_account SET balance = ?, entry_count = entry_count + 1 WHERE id = ?");
        }

        @Override
        public void move(int from, int to, long amount) throws SQLException {
            JdbcBaseline.move(c, lock, entry, update, from, to, amount);
        }

        @Override
        public void close() throws SQLException {
            lock.close();
            entry.close();
            update.close();
        }
    }

    private static void move(Connection c, PreparedStatement lock, PreparedStatement entry, PreparedStatement update,
                             long from, long to, long amount) throws SQLException {
        lock.setLong(1, Math.min(from, to));
        lock.setLong(2, Math.max(from, to));
        long fromBalance = 0;
        long toBalance = 0;
        try (ResultSet rs = lock.executeQuery()) {
            while (rs.next()) {
                if (rs.getLong(1) == from) {
                    fromBalance = rs.getLong(2);
                } else {
                    toBalance = rs.getLong(2);
                }
            }
        }
        if (fromBalance < amount) {
            c.rollback();
            throw new SQLException("insufficient funds", "22003", 1);
        }
        long[][] changes = {{from, -amount, fromBalance - amount}, {to, amount, toBalance + amount}};
        for (long[] change : changes) {
            entry.setLong(1, change[0]);
            entry.setLong(2, change[1]);
            entry.setLong(3, change[2]);
            entry.executeUpdate();
        }
        for (long[] change : changes) {
            update.setLong(1, change[2]);
            update.setLong(2, change[0]);
            update.executeUpdate();
        }
        c.commit();
    }
}
